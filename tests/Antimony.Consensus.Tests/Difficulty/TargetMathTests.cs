using System.Numerics;
using Antimony.Consensus.Difficulty;
using Antimony.Primitives.Numerics;

namespace Antimony.Consensus.Tests.Difficulty;

public sealed class TargetMathTests
{
    private static Arbitrary<uint> AnyBits => Arb.From(
        from size in Gen.Choose(0, 36)
        from mantissa in Gen.Choose(0, 0xffffff)
        select ((uint)size << 24) | (uint)mantissa);

    [Property(MaxTest = 500)]
    public Property Decoding_agrees_with_the_primitives_compact_target() => Prop.ForAll(AnyBits, bits =>
    {
        bool ours = TargetMath.TryDecode(bits, out var target);
        bool theirs = new CompactTarget(bits).TryGetTarget(out var expected);
        return (ours == theirs && (!ours || target == (BigInteger)expected)).Label($"bits 0x{bits:x8}");
    });

    [Property(MaxTest = 500)]
    public Property Encoding_agrees_with_the_primitives_compact_target() => Prop.ForAll(AnyBits, bits =>
    {
        if (!TargetMath.TryDecode(bits, out var target))
            return true.Label("unusable bits");
        return (TargetMath.Encode(target) == CompactTarget.FromTarget((UInt256)target).Value).Label($"bits 0x{bits:x8}");
    });

    [Theory]
    [InlineData(0x1d00ffffu)]
    [InlineData(0x1e008000u)]
    [InlineData(0x207fffffu)]
    public void Canonical_bits_round_trip(uint bits) => Assert.Equal(bits, TargetMath.Encode(TargetMath.Decode(bits)));
}
