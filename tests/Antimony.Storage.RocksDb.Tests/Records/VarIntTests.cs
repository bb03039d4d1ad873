using Antimony.Primitives.Serialization;
using Antimony.Storage.RocksDb.Records;

namespace Antimony.Storage.RocksDb.Tests.Records;

public sealed class VarIntTests
{
    // Bitcoin Core's serialize_tests "varints_bitpatterns".
    [Theory]
    [InlineData(0UL, "00")]
    [InlineData(0x7fUL, "7f")]
    [InlineData(0x80UL, "8000")]
    [InlineData(0x1234UL, "a334")]
    [InlineData(0xffffUL, "82fe7f")]
    [InlineData(0x123456UL, "c7e756")]
    [InlineData(0x80123456UL, "86ffc7e756")]
    [InlineData(0xffffffffUL, "8efefefe7f")]
    [InlineData(0x7fffffffffffffffUL, "fefefefefefefefe7f")]
    [InlineData(0xffffffffffffffffUL, "80fefefefefefefefe7f")]
    public void Matches_bitcoin_core_bit_patterns(ulong value, string hex)
    {
        var bytes = new byte[VarInt.SizeOf(value)];
        var writer = new ConsensusWriter(bytes);
        VarInt.Write(ref writer, value);
        Assert.Equal(hex, Convert.ToHexStringLower(bytes));
        var reader = new ConsensusReader(bytes);
        Assert.Equal(value, VarInt.Read(ref reader));
        Assert.True(reader.IsAtEnd);
    }

    [Property]
    public Property Round_trips_and_every_prefix_is_truncated() =>
        Prop.ForAll(ArbMap.Default.ArbFor<ulong>(), value =>
        {
            var bytes = new byte[VarInt.SizeOf(value)];
            var writer = new ConsensusWriter(bytes);
            VarInt.Write(ref writer, value);
            var reader = new ConsensusReader(bytes);
            bool roundTrips = VarInt.Read(ref reader) == value && reader.IsAtEnd;
            bool prefixesFail = Enumerable.Range(0, bytes.Length).All(length => FailsWith(bytes[..length], DecodeError.Truncated));
            return roundTrips && prefixesFail;
        });

    [Fact]
    public void A_value_above_the_maximum_is_oversized()
    {
        Assert.True(FailsWith(Convert.FromHexString("8000"), DecodeError.Oversized, max: 0x7f));
        Assert.True(FailsWith(Convert.FromHexString("80fefefefefefefefe7f00"), DecodeError.None));
        Assert.True(FailsWith(Convert.FromHexString("80fefefefefefefeff00"), DecodeError.Oversized));
    }

    private static bool FailsWith(byte[] bytes, DecodeError expected, ulong max = ulong.MaxValue)
    {
        try
        {
            var reader = new ConsensusReader(bytes);
            VarInt.Read(ref reader, max);
            return expected == DecodeError.None;
        }
        catch (DecodeException e)
        {
            return e.Error == expected;
        }
    }
}
