using Antimony.Primitives.Serialization;

namespace Antimony.Primitives.Tests.Serialization;

public class CompactSizeTests
{
    /// <summary>Values around every boundary of the encoding, and random ones of every width.</summary>
    private static readonly Arbitrary<ulong> Values = Arb.From(Gen.OneOf(
        Gen.Elements(0UL, 0xFCUL, 0xFDUL, 0xFFFFUL, 0x1_0000UL, CompactSize.MaxValue, CompactSize.MaxValue + 1, 0xFFFF_FFFFUL, 0x1_0000_0000UL, ulong.MaxValue),
        Gen.Choose(0, int.MaxValue).Select(x => (ulong)x),
        Gen.Choose(0, int.MaxValue).Select(x => (ulong)x << 31 | (uint)x)));

    [Property(MaxTest = 300)]
    public Property Values_round_trip_in_shortest_form_and_large_ones_are_oversized() =>
        Prop.ForAll(Values, value =>
        {
            var bytes = new byte[CompactSize.SizeOf(value)];
            var writer = new ConsensusWriter(bytes);
            writer.WriteCompactSize(value);
            var reader = new ConsensusReader(bytes);
            try
            {
                ulong read = reader.ReadCompactSize();
                return (value <= CompactSize.MaxValue && read == value && reader.IsAtEnd).Label($"{value}");
            }
            catch (DecodeException e)
            {
                return (value > CompactSize.MaxValue && e.Error == DecodeError.Oversized).Label($"{value}: {e.Error}");
            }
        });

    [Theory]
    [InlineData("fdfc00", DecodeError.NonCanonicalCompactSize)]             // 0xFC in three bytes
    [InlineData("feffff0000", DecodeError.NonCanonicalCompactSize)]         // 0xFFFF in five bytes
    [InlineData("ff0000010000000000", DecodeError.NonCanonicalCompactSize)] // 0x10000 in nine bytes
    [InlineData("fe0000ffff", DecodeError.Oversized)]                       // 0xFFFF0000, above 32 MiB
    [InlineData("fe01000002", DecodeError.Oversized)]                       // 32 MiB + 1
    [InlineData("ff0000000001000000", DecodeError.Oversized)]               // 2^32
    public void Non_shortest_or_oversized_forms_are_rejected(string hex, DecodeError expected)
    {
        var bytes = Convert.FromHexString(hex);
        var e = Assert.Throws<DecodeException>(() =>
        {
            var reader = new ConsensusReader(bytes);
            reader.ReadCompactSize();
        });
        Assert.Equal(expected, e.Error);
    }

    [Theory]
    [InlineData("fd")]
    [InlineData("fdff")]
    [InlineData("fe000001")]
    [InlineData("ff00000000000000")]
    public void Cut_short_compact_sizes_are_truncated(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        var e = Assert.Throws<DecodeException>(() =>
        {
            var reader = new ConsensusReader(bytes);
            reader.ReadCompactSize();
        });
        Assert.Equal(DecodeError.Truncated, e.Error);
    }
}
