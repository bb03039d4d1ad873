using Antimony.Consensus.Mempool;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Networks;
using Antimony.Primitives.Signing;
using Antimony.Primitives.Transactions;
using Antimony.Testing.Chains;
using Antimony.Wallet.Accounts;
using Antimony.Wallet.Coins;
using Antimony.Wallet.Tests.Support;
using Antimony.Wallet.Transactions;
using Microsoft.Extensions.DependencyInjection;

namespace Antimony.Wallet.Tests.Transactions;

public sealed class WalletTransactionBuilderTests
{
    private static readonly TaprootAccount Account = TaprootAccount.FromSeed(new byte[32], Network.Regtest);

    [Fact]
    public void Signed_spend_is_accepted_by_the_mempool_and_connects_in_a_block()
    {
        using var harness = new ChainHarness(WalletNode.Parameters, configure: b => b.AddMempool());
        var miner = new TestMiner(harness);
        var coins = new List<SpendableCoin>();
        for (uint i = 0; i < 3; i++)
        {
            var key = Account.GetReceiveKey(i);
            var entry = miner.Mine(key.ScriptPubKey.Script);
            Assert.True(harness.Chain.TryGetBlock(entry.Hash, out var block));
            coins.Add(new SpendableCoin(new OutPoint(block.Transactions[0].Txid, 0), block.Transactions[0].Outputs[0]));
        }
        miner.MineMany(10, WalletNode.Elsewhere);

        var builder = new WalletTransactionBuilder(FeeRate.FromAtomsPerVirtualByte(5));
        var payee = Account.GetReceiveKey(50).ScriptPubKey.Script;
        var signed = builder.Build(coins, [new TxOut(Money.FromCoins(60), payee)], Account.GetChangeKey(0).ScriptPubKey.Script, KeyFor);

        Assert.Equal(2, signed.Spent.Count); // 60 coins need two 50-coin coinbases
        Assert.True(InputVerifier.VerifyAll(signed.Transaction, [.. signed.Spent.Select(c => c.Output)], out _, out var error), error.ToString());
        var result = harness.Services.GetRequiredService<TransactionPool>().Accept(signed.Transaction);
        Assert.True(result.IsAccepted, result.ToString());
        Assert.Equal(signed.Fee, result.Fee);
        var including = miner.Mine(WalletNode.Elsewhere, [signed.Transaction]);
        Assert.Same(including, harness.Chain.Tip);
        Assert.True(harness.Chain.Coins.TryGetCoin(new OutPoint(signed.Transaction.Txid, 0), out _));
    }

    [Property(MaxTest = 40)]
    public Property Built_transactions_verify_and_pay_exactly_the_selected_fee()
    {
        var gen = from values in Gen.NonEmptyListOf(Gen.Choose(10_000, 5_000_000))
                  from rate in Gen.Choose(1, 20)
                  from share in Gen.Choose(5, 60)
                  select (values, rate, share);
        return Prop.ForAll(Arb.From(gen), t =>
        {
            var coins = t.values.Take(6).Select((v, i) => new SpendableCoin(
                new OutPoint(new Txid(Sha256d.Hash(BitConverter.GetBytes(v * 31 + i))), (uint)i),
                new TxOut(new Money(v), Account.GetReceiveKey((uint)i).ScriptPubKey.Script))).ToArray();
            long amount = Math.Max(1_000, coins.Sum(c => c.Output.Value.Atoms) * t.share / 100);
            var builder = new WalletTransactionBuilder(FeeRate.FromAtomsPerVirtualByte(t.rate));
            var signed = builder.Build(coins, [new TxOut(new Money(amount), WalletNode.Elsewhere)], Account.GetChangeKey(0).ScriptPubKey.Script, KeyFor);
            var tx = signed.Transaction;
            long paid = signed.Spent.Sum(c => c.Output.Value.Atoms) - tx.Outputs.Sum(o => o.Value.Atoms);
            return InputVerifier.VerifyAll(tx, [.. signed.Spent.Select(c => c.Output)], out _, out _).Label("signatures verify")
                .And((paid == signed.Fee.Atoms).Label("fee = inputs - outputs"))
                .And(FeeRate.FromAtomsPerVirtualByte(t.rate).IsMetBy(signed.Fee, tx.VirtualSize).Label($"rate met at {tx.VirtualSize} vB"))
                .And((tx.Outputs.Length == (signed.ChangeIndex < 0 ? 1 : 2)).Label("one payment plus optional change"));
        });
    }

    private static Primitives.Keys.PrivateKey KeyFor(SpendableCoin coin)
    {
        for (uint chain = 0; chain < 2; chain++)
        {
            for (uint i = 0; i < 60; i++)
            {
                var key = Account.GetKey(chain, i);
                if (key.ScriptPubKey.Script.Equals(coin.Output.ScriptPubKey))
                    return key.PrivateKey!;
            }
        }
        throw new InvalidOperationException("not an account coin");
    }
}
