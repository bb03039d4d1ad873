using System.Numerics;
using Antimony.Consensus.Chain;
using Antimony.Consensus.Difficulty;
using Antimony.Consensus.Parameters;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Numerics;

namespace Antimony.Consensus.Tests.Difficulty;

public sealed class Lwma1DifficultyTests
{
    private static readonly ChainParameters Params = ChainParameters.Devnet;
    private static readonly Lwma1Difficulty Lwma = new(Params);
    private static readonly BigInteger Limit = (BigInteger)Params.PowLimit;

    /// <summary>A header chain (no proof of work needed: the algorithm reads only times and bits).</summary>
    private static ChainEntry Chain(uint startTime, IReadOnlyList<long> solveTimes, uint bits)
    {
        long sequence = 0;
        var entry = new ChainEntry(new BlockHeader(1, BlockHash.Zero, default, startTime, new CompactTarget(bits), 0), null, sequence++);
        long time = startTime;
        foreach (long solve in solveTimes)
        {
            time += solve;
            entry = new ChainEntry(new BlockHeader(0x20000000, entry.Hash, default, (uint)time, new CompactTarget(bits), 0), entry, sequence++);
        }
        return entry;
    }

    private static BigInteger Next(ChainEntry tip) => Decode(Lwma.GetNextBits(tip).Value);

    private static Arbitrary<uint> BitsBelowLimit => Arb.From(
        from size in Gen.Choose(20, 29)
        from mantissa in Gen.Choose(0x8000, 0x7fffff)
        select ((uint)size << 24) | (uint)mantissa);

    [Fact]
    public void The_first_N_blocks_use_the_limit()
    {
        var tip = Chain(1_767_225_600, Enumerable.Repeat(1L, 59).ToArray(), 0x1d00ffff);
        Assert.Equal(59, tip.Height);
        Assert.Equal(Params.PowLimitBits, Lwma.GetNextBits(tip));
    }

    [Property(MaxTest = 100)]
    public Property Solve_times_equal_to_the_spacing_keep_the_bits_exactly() => Prop.ForAll(BitsBelowLimit, bits =>
    {
        var canonical = Encode(Decode(bits));
        var tip = Chain(1_767_225_600, Enumerable.Repeat(12L, 80).ToArray(), canonical);
        return (Lwma.GetNextBits(tip).Value == canonical).Label($"bits 0x{canonical:x8}");
    });

    [Fact]
    public void Blocks_twice_as_fast_halve_the_target_and_twice_as_slow_double_it()
    {
        const uint bits = 0x1d00ffff;
        var target = Decode(bits);
        var fast = Next(Chain(1_767_225_600, Enumerable.Repeat(6L, 80).ToArray(), bits));
        var slow = Next(Chain(1_767_225_600, Enumerable.Repeat(24L, 80).ToArray(), bits));
        Assert.True(fast < target);
        Assert.True(slow > target);
        // Exact up to the compact encoding's 16-bit mantissa.
        Assert.Equal(target / 2 >> 200, fast >> 200);
        Assert.Equal(target * 2 >> 200, slow >> 200);
    }

    [Fact]
    public void Solve_times_are_clamped_to_six_spacings()
    {
        const uint bits = 0x1c00ffff;
        var clamped = Lwma.GetNextBits(Chain(1_767_225_600, Enumerable.Repeat(72L, 80).ToArray(), bits));
        var beyond = Lwma.GetNextBits(Chain(1_767_225_600, Enumerable.Repeat(10_000L, 80).ToArray(), bits));
        Assert.Equal(clamped, beyond);
        Assert.True(Decode(clamped.Value) <= Decode(bits) * 6);
        Assert.True(Decode(clamped.Value) > Decode(bits) * 5);
    }

    [Fact]
    public void Negative_solve_times_are_clamped_and_cannot_make_the_target_vanish()
    {
        var times = Enumerable.Range(0, 80).Select(i => i % 2 == 0 ? 1_000L : -1_000L).ToArray();
        var next = Next(Chain(1_767_225_600, times, 0x1d00ffff));
        Assert.True(next > 0);
        // The weighted sum is floored at k/10: at most ten times harder than the average target.
        Assert.True(next >= Decode(0x1d00ffff) / 11);
    }

    [Fact]
    public void Slow_blocks_at_the_limit_stay_at_the_limit()
    {
        var next = Lwma.GetNextBits(Chain(1_767_225_600, Enumerable.Repeat(1_000L, 80).ToArray(), Params.PowLimitBits.Value));
        Assert.Equal(Params.PowLimitBits, next);
    }

    [Property(MaxTest = 100)]
    public Property The_target_never_exceeds_the_limit_and_is_never_zero() => Prop.ForAll(
        Arb.From(Gen.Choose(-200, 200).Select(i => (long)i).ListOf(70)), BitsBelowLimit, (solveTimes, bits) =>
        {
            var next = Next(Chain(1_767_225_600, [.. solveTimes], Encode(Decode(bits))));
            return (next > 0 && next <= Limit).Label($"next {next}");
        });

    [Fact]
    public void Regtest_never_retargets()
    {
        var fixedDifficulty = new FixedDifficulty(ChainParameters.Regtest);
        var tip = Chain(1_767_225_600, Enumerable.Repeat(1L, 100).ToArray(), ChainParameters.RegtestPowLimitBits);
        Assert.Equal(ChainParameters.RegtestPowLimitBits, fixedDifficulty.GetNextBits(tip).Value);
    }

    private static BigInteger Decode(uint bits) => (BigInteger)new CompactTarget(bits).ToTarget();

    private static uint Encode(BigInteger target) => CompactTarget.FromTarget((UInt256)target).Value;

    [Theory]
    [InlineData(0x1d00ffffu)]
    [InlineData(0x1e008000u)]
    [InlineData(0x207fffffu)]
    public void Canonical_bits_round_trip(uint bits) => Assert.Equal(bits, Encode(Decode(bits)));
}
