using Antimony.Primitives.Amounts;
using Antimony.Storage.RocksDb.Records;

namespace Antimony.Storage.RocksDb.Tests.Records;

public sealed class AmountCompressionTests
{
    private static readonly ulong Max = (ulong)Money.MaxValue.Atoms;

    // Bitcoin Core's compress_tests: CENT, COIN, 50 COIN and 21 million COIN.
    [Theory]
    [InlineData(0UL, 0x0UL)]
    [InlineData(1UL, 0x1UL)]
    [InlineData(1_000_000UL, 0x7UL)]
    [InlineData(100_000_000UL, 0x9UL)]
    [InlineData(5_000_000_000UL, 0x32UL)]
    [InlineData(2_100_000_000_000_000UL, 0x1406f40UL)]
    public void Matches_bitcoin_core(ulong atoms, ulong compressed)
    {
        Assert.Equal(compressed, AmountCompression.Compress(atoms));
        Assert.True(AmountCompression.TryDecompress(compressed, Max, out ulong back));
        Assert.Equal(atoms, back);
    }

    [Property]
    public Property Every_amount_in_range_round_trips() =>
        Prop.ForAll(Gen.Choose(0, 18).SelectMany(zeros => ArbMap.Default.GeneratorFor<ulong>().Select(v => (v % (Max + 1)) / Pow10(zeros) * Pow10(zeros))).ToArbitrary(), atoms =>
            AmountCompression.TryDecompress(AmountCompression.Compress(atoms), Max, out ulong back) && back == atoms);

    [Property]
    public Property Decompression_never_overflows_and_respects_the_maximum() =>
        Prop.ForAll(ArbMap.Default.ArbFor<ulong>(), compressed =>
            !AmountCompression.TryDecompress(compressed, Max, out ulong atoms) || (atoms <= Max && AmountCompression.Compress(atoms) == compressed));

    private static ulong Pow10(int exponent)
    {
        ulong result = 1;
        for (int i = 0; i < exponent; i++)
            result *= 10;
        return result;
    }
}
