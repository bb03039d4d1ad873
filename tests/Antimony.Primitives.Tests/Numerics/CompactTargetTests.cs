using System.Numerics;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Numerics;

namespace Antimony.Primitives.Tests.Numerics;

public class CompactTargetTests
{
    // Bitcoin Core src/test/arith_uint256_tests.cpp, bignum_SetCompact: compact input, expanded value
    // (hex, most significant first), GetCompact(negative) of that value, negative flag, overflow flag.
    public static TheoryData<uint, string, uint, bool, bool> CoreSetCompactCases => new()
    {
        { 0x00000000, "0", 0x00000000, false, false },
        { 0x00123456, "0", 0x00000000, false, false },
        { 0x01003456, "0", 0x00000000, false, false },
        { 0x02000056, "0", 0x00000000, false, false },
        { 0x03000000, "0", 0x00000000, false, false },
        { 0x04000000, "0", 0x00000000, false, false },
        { 0x00923456, "0", 0x00000000, false, false },
        { 0x01803456, "0", 0x00000000, false, false },
        { 0x02800056, "0", 0x00000000, false, false },
        { 0x03800000, "0", 0x00000000, false, false },
        { 0x04800000, "0", 0x00000000, false, false },
        { 0x01123456, "12", 0x01120000, false, false },
        { 0x01fedcba, "7e", 0x01fe0000, true, false },
        { 0x02123456, "1234", 0x02123400, false, false },
        { 0x03123456, "123456", 0x03123456, false, false },
        { 0x04123456, "12345600", 0x04123456, false, false },
        { 0x04923456, "12345600", 0x04923456, true, false },
        { 0x05009234, "92340000", 0x05009234, false, false },
        { 0x20123456, "1234560000000000000000000000000000000000000000000000000000000000", 0x20123456, false, false },
    };

    [Theory]
    [MemberData(nameof(CoreSetCompactCases))]
    public void Matches_bitcoin_core_set_compact_and_get_compact(uint bits, string hex, uint compactAgain, bool negative, bool overflow)
    {
        var value = new CompactTarget(bits).Expand(out bool isNegative, out bool isOverflow);
        Assert.Equal(UInt256.Parse(hex), value);
        Assert.Equal(negative, isNegative);
        Assert.Equal(overflow, isOverflow);
        Assert.Equal(compactAgain, CompactTarget.FromTarget(value, negative).Value);
    }

    [Fact]
    public void Core_overflow_case_and_sign_bit_avoidance()
    {
        new CompactTarget(0xff123456).Expand(out bool negative, out bool overflow);
        Assert.False(negative);
        Assert.True(overflow);
        // "Make sure that we don't generate compacts with the 0x00800000 bit set".
        Assert.Equal(0x02008000u, CompactTarget.FromTarget(new UInt256(0x80)).Value);
    }

    [Theory]
    [InlineData(0x00000000u, CompactTargetError.Zero)]
    [InlineData(0x01003456u, CompactTargetError.Zero)]
    [InlineData(0x04800000u, CompactTargetError.Zero)]
    [InlineData(0x01fedcbau, CompactTargetError.Negative)]
    [InlineData(0x04923456u, CompactTargetError.Negative)]
    [InlineData(0xff123456u, CompactTargetError.Overflow)]
    [InlineData(0x23000001u, CompactTargetError.Overflow)] // size 35: any mantissa overflows
    [InlineData(0x22000100u, CompactTargetError.Overflow)] // size 34 with a mantissa above 0xff
    [InlineData(0x21010000u, CompactTargetError.Overflow)] // size 33 with a mantissa above 0xffff
    public void Unusable_targets_fail_with_their_specific_reason(uint bits, CompactTargetError expected)
    {
        var compact = new CompactTarget(bits);
        Assert.Equal(expected, compact.Validate());
        Assert.False(compact.TryGetTarget(out var target, out var error));
        Assert.Equal(expected, error);
        Assert.Equal(UInt256.Zero, target);
        var thrown = Assert.Throws<CompactTargetException>(() => compact.ToTarget());
        Assert.Equal(expected, thrown.Error);
        Assert.Equal(compact, thrown.Bits);
        Assert.Equal(UInt256.Zero, compact.GetWork());
        Assert.False(compact.IsMetBy(BlockHash.Zero));
    }

    [Theory]
    [InlineData(0x220000ffu, "ff00000000000000000000000000000000000000000000000000000000000000")] // size 34, mantissa <= 0xff
    [InlineData(0x2100ffffu, "ffff000000000000000000000000000000000000000000000000000000000000")] // size 33, mantissa <= 0xffff
    [InlineData(0x207fffffu, "7fffff0000000000000000000000000000000000000000000000000000000000")] // Bitcoin regtest's limit
    public void Overflow_boundaries_are_usable_just_below_the_limit(uint bits, string hex)
    {
        Assert.True(new CompactTarget(bits).TryGetTarget(out var target, out var error));
        Assert.Equal(CompactTargetError.None, error);
        Assert.Equal(UInt256.Parse(hex), target);
    }

    [Fact]
    public void Bitcoin_mainnet_genesis_bits_expand_to_the_known_target_and_work()
    {
        var bits = new CompactTarget(0x1d00ffff);
        Assert.Equal("00000000ffff0000000000000000000000000000000000000000000000000000", bits.ToTarget().ToString());
        Assert.Equal(new UInt256(0x1_0001_0001UL), bits.GetWork());
        Assert.Equal(bits, CompactTarget.FromTarget(bits.ToTarget()));
        Assert.Equal("0x1d00ffff", bits.ToString());
    }

    [Fact]
    public void A_real_block_hash_meets_its_target_and_a_larger_one_does_not()
    {
        // Bitcoin block 1: bits 0x1d00ffff.
        var hash = BlockHash.Parse("00000000839a8e6886ab5951d76f411475428afc90947ee320161bbf18eb6048");
        var bits = new CompactTarget(0x1d00ffff);
        Assert.True(bits.IsMetBy(hash));
        var tooHigh = BlockHash.Parse("00000001" + new string('0', 56));
        Assert.False(bits.IsMetBy(tooHigh));
        var exactlyTarget = new BlockHash(bits.ToTarget().ToHash256());
        Assert.True(bits.IsMetBy(exactlyTarget));
        Assert.False(CompactTarget.IsMet(new BlockHash(Hash256.Parse(new string('f', 64))), UInt256.MaxValue - UInt256.One));
    }

    private static Gen<uint> AnyBits { get; } = Gen.OneOf(
        ArbMap.Default.GeneratorFor<uint>(),
        from size in Gen.Choose(0, 36)
        from mantissa in Gen.Choose(0, 0xffffff)
        select ((uint)size << 24) | (uint)mantissa);

    [Property(MaxTest = 500)]
    public Property Expanding_a_usable_compact_form_and_compacting_it_again_normalises_it() =>
        Prop.ForAll(AnyBits.ToArbitrary(), bits =>
        {
            var compact = new CompactTarget(bits);
            if (!compact.TryGetTarget(out var target))
                return (compact.Validate() != CompactTargetError.None).Label("unusable");
            var normal = CompactTarget.FromTarget(target);
            // The normal form is a fixed point and expands to the same target.
            return (normal.ToTarget() == target && CompactTarget.FromTarget(normal.ToTarget()) == normal
                    && (normal.Value & 0x00800000) == 0).Label($"{compact} -> {normal}");
        });

    [Property(MaxTest = 500)]
    public Property Compacting_a_target_rounds_down_and_loses_only_low_bits() =>
        Prop.ForAll(Arb.From(UInt256Tests.AnyValue), target =>
        {
            var compact = CompactTarget.FromTarget(target);
            var back = compact.Expand(out bool negative, out bool overflow);
            // The mantissa keeps the top three bytes, or two when the top byte would set the sign bit.
            int size = (target.GetBitLength() + 7) / 8;
            bool adjusted = size > 0 && (target >> (8 * (size - 1))) >= new UInt256(0x80);
            int dropped = Math.Max(0, 8 * (size - (adjusted ? 2 : 3)));
            bool onlyLowBits = (target >> dropped) == (back >> dropped) && target - back < (UInt256.One << dropped);
            return (!negative && !overflow && back <= target && onlyLowBits).Label($"{target} -> {compact}");
        });

    [Property(MaxTest = 300)]
    public Property Work_is_two_to_the_256_divided_by_target_plus_one() =>
        Prop.ForAll(Arb.From(UInt256Tests.AnyValue), target =>
        {
            var expected = target.IsZero ? BigInteger.Zero : (BigInteger.One << 256) / ((BigInteger)target + 1);
            return ((BigInteger)CompactTarget.WorkFor(target) == expected).Label(target.ToString());
        });

    [Property(MaxTest = 300)]
    public Property Matches_nbitcoin_in_both_directions() =>
        Prop.ForAll(Arb.From(UInt256Tests.AnyValue), AnyBits.ToArbitrary(), (target, bits) =>
        {
            var bytes = new byte[32];
            target.WriteLittleEndian(bytes);
            bool compactOk = target.IsZero || CompactTarget.FromTarget(target).Value == new NBitcoin.Target(new NBitcoin.uint256(bytes)).ToCompact();
            bool expandOk = !new CompactTarget(bits).TryGetTarget(out var expanded)
                || expanded.ToString() == new NBitcoin.Target(bits).ToUInt256().ToString();
            return (compactOk && expandOk).Label($"{target} {bits:x8}");
        });
}
