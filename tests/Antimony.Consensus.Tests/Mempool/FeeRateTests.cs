using Antimony.Consensus.Mempool;
using Antimony.Primitives.Amounts;

namespace Antimony.Consensus.Tests.Mempool;

/// <summary>Fee rates in atoms per 1,000 virtual bytes.</summary>
public sealed class FeeRateTests
{
    [Fact]
    public void Fees_round_up_so_paying_them_meets_the_rate()
    {
        var rate = new FeeRate(1_500);
        Assert.Equal(new Money(2), rate.GetFee(1));
        Assert.Equal(new Money(150), rate.GetFee(100));
        Assert.Equal(new Money(0), rate.GetFee(0));
        Assert.Equal(new Money(1), new FeeRate(1).GetFee(1));
        Assert.True(rate.IsMetBy(new Money(150), 100));
        Assert.False(rate.IsMetBy(new Money(149), 100));
        Assert.Equal("1.500 atom/vB", rate.ToString());
    }

    [Fact]
    public void From_fee_rounds_down_and_rejects_empty_sizes()
    {
        Assert.Equal(new FeeRate(3_333), FeeRate.FromFee(new Money(10), 3));
        Assert.Equal(FeeRate.FromAtomsPerVirtualByte(2), FeeRate.FromFee(new Money(200), 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => FeeRate.FromFee(Money.Coin, 0));
    }

    [Property(MaxTest = 500)]
    public Property Exact_comparison_agrees_with_cross_multiplication_and_is_antisymmetric() => Prop.ForAll(
        Arb.From(from feeA in Gen.Choose(0, int.MaxValue) from sizeA in Gen.Choose(1, 400_000) from feeB in Gen.Choose(0, int.MaxValue) from sizeB in Gen.Choose(1, 400_000)
                 select (feeA, sizeA, feeB, sizeB)),
        t =>
        {
            var (feeA, sizeA, feeB, sizeB) = t;
            int forward = FeeRate.Compare(new Money(feeA), sizeA, new Money(feeB), sizeB);
            int backward = FeeRate.Compare(new Money(feeB), sizeB, new Money(feeA), sizeA);
            int expected = ((decimal)feeA * sizeB).CompareTo((decimal)feeB * sizeA);
            return (Math.Sign(forward) == expected && forward == -backward).Label($"{feeA}/{sizeA} vs {feeB}/{sizeB}");
        });

    [Property(MaxTest = 500)]
    public Property The_fee_for_a_size_always_meets_the_rate_and_one_atom_less_does_not() => Prop.ForAll(
        Arb.From(Gen.Choose(1, 10_000_000)), Arb.From(Gen.Choose(1, 400_000)),
        (perKvB, size) =>
        {
            var rate = new FeeRate(perKvB);
            var fee = rate.GetFee(size);
            return (FeeRate.FromFee(fee, size) >= rate && FeeRate.Compare(fee - Money.Atom, size, new Money(perKvB), 1000) < 0)
                .Label($"{rate} x {size} vB = {fee}");
        });
}
