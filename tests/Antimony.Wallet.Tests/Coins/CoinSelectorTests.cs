using Antimony.Consensus.Mempool;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;
using Antimony.Wallet.Coins;

namespace Antimony.Wallet.Tests.Coins;

public sealed class CoinSelectorTests
{
    private static readonly Script P2tr = ScriptPubKey.P2tr(Enumerable.Repeat((byte)7, 32).ToArray()).Script;

    private static SpendableCoin Coin(long atoms, int n) =>
        new(new OutPoint(new Txid(Sha256d.Hash(BitConverter.GetBytes(n))), (uint)n), new TxOut(new Money(atoms), P2tr));

    private static readonly Gen<SpendableCoin[]> Coins =
        Gen.ListOf(Gen.Choose(1, 2_000_000)).Select(values => values.Select((v, i) => Coin(v, i)).ToArray());

    private static readonly Gen<FeeRate> Rates = Gen.Choose(0, 50_000).Select(r => new FeeRate(r));

    [Property(MaxTest = 300)]
    public Property Selection_covers_amount_and_fee_with_no_dust_change()
    {
        var gen = from coins in Coins
                  from amount in Gen.Choose(330, 3_000_000)
                  from rate in Rates
                  select (coins, amount, rate);
        return Prop.ForAll(Arb.From(gen), t =>
        {
            var selector = new CoinSelector(t.rate);
            TxOut[] payments = [new TxOut(new Money(t.amount), P2tr)];
            if (!selector.TrySelect(t.coins, payments, out var selection, out var error))
                return (error == CoinSelectionError.InsufficientFunds).Label($"failed with {error}");
            long inputs = selection.Inputs.Sum(c => c.Output.Value.Atoms);
            int outputs = 1 + (selection.HasChange ? 1 : 0);
            int vsize = TaprootWeights.VirtualSize(TaprootWeights.TransactionWeight(selection.Inputs.Count, outputs, outputs * TaprootWeights.P2trOutputWeight));
            return (inputs == t.amount + selection.Fee.Atoms + selection.Change.Atoms).Label("inputs = amount + fee + change")
                .And((selection.Fee >= t.rate.GetFee(vsize)).Label("fee meets the rate"))
                .And((vsize == selection.VirtualSize).Label("virtual size"))
                .And((!selection.HasChange || selection.Change >= selector.DustThreshold).Label("no dust change"))
                .And((selection.Inputs.Distinct().Count() == selection.Inputs.Count).Label("no coin twice"))
                .And(selection.Inputs.All(t.coins.Contains).Label("only offered coins"));
        });
    }

    [Property(MaxTest = 200)]
    public Property Insufficient_funds_fail_with_the_specific_error()
    {
        var gen = from coins in Coins
                  from extra in Gen.Choose(1, 1_000_000)
                  from rate in Rates
                  select (coins, extra, rate);
        return Prop.ForAll(Arb.From(gen), t =>
        {
            long total = t.coins.Sum(c => c.Output.Value.Atoms);
            TxOut[] payments = [new TxOut(new Money(total + t.extra), P2tr)];
            var e = Assert.Throws<CoinSelectionException>(() => new CoinSelector(t.rate).Select(t.coins, payments));
            return e.Error == CoinSelectionError.InsufficientFunds && e.Available == new Money(total);
        });
    }

    [Property(MaxTest = 200)]
    public Property Whenever_all_coins_suffice_a_selection_is_found()
    {
        var gen = from coins in Coins
                  from rate in Rates
                  from share in Gen.Choose(1, 100)
                  select (coins, rate, share);
        return Prop.ForAll(Arb.From(gen), t =>
        {
            var selector = new CoinSelector(t.rate);
            long inputFee = t.rate.GetFee(58).Atoms;
            long effective = t.coins.Where(c => c.Output.Value.Atoms > inputFee).Sum(c => c.Output.Value.Atoms - inputFee);
            long amount = Math.Max(330, (effective - t.rate.GetFee(60).Atoms) * t.share / 100);
            TxOut[] payments = [new TxOut(new Money(amount), P2tr)];
            // Spending every useful coin without change is always a candidate, so a feasible payment never fails.
            bool feasible = selector.Evaluate(t.coins.Where(c => c.Output.Value.Atoms > inputFee).ToArray(), payments, amount, CoinSelectionAlgorithm.LargestFirst) is not null;
            return (!feasible || selector.TrySelect(t.coins, payments, out _, out _)).Label($"amount {amount}");
        });
    }

    [Fact]
    public void Branch_and_bound_finds_an_exact_changeless_match()
    {
        var rate = FeeRate.FromAtomsPerVirtualByte(1);
        var coins = new[] { Coin(100_000, 1), Coin(250_000, 2), Coin(500_000, 3), Coin(1_000_000, 4) };
        // Two inputs and one output: 10.5 + 2*57.5 + 43 = 168.5 -> 169 vB, so 169 atoms at 1 atom/vB.
        var selection = new CoinSelector(rate).Select(coins, [new TxOut(new Money(350_000 - 169), P2tr)]);
        Assert.Equal(CoinSelectionAlgorithm.BranchAndBound, selection.Algorithm);
        Assert.False(selection.HasChange);
        Assert.Equal(new Money(169), selection.Fee);
        Assert.Equal([coins[0], coins[1]], selection.Inputs.OrderBy(c => c.Output.Value.Atoms));
    }

    [Fact]
    public void Dust_payments_and_empty_payments_are_invalid_amounts()
    {
        var selector = new CoinSelector(FeeRate.FromAtomsPerVirtualByte(1));
        var coins = new[] { Coin(1_000_000, 1) };
        Assert.Equal(CoinSelectionError.InvalidAmount, Assert.Throws<CoinSelectionException>(() => selector.Select(coins, [new TxOut(new Money(329), P2tr)])).Error);
        Assert.Equal(CoinSelectionError.InvalidAmount, Assert.Throws<CoinSelectionException>(() => selector.Select(coins, [])).Error);
    }

    [Fact]
    public void Non_taproot_coins_are_refused()
    {
        var p2wpkh = new SpendableCoin(new OutPoint(Txid.Zero, 0), new TxOut(Money.Coin, ScriptPubKey.P2wpkh(new byte[20]).Script));
        Assert.Throws<ArgumentException>(() => new CoinSelector(FeeRate.Zero).Select([p2wpkh], [new TxOut(new Money(1000), P2tr)]));
    }
}
