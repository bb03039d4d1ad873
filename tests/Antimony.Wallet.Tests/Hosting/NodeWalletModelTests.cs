using Antimony.Consensus.Mempool;
using Antimony.Primitives.Addresses;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Scripts;
using Antimony.Wallet.Hosting;
using Antimony.Wallet.Tests.Support;

namespace Antimony.Wallet.Tests.Hosting;

/// <summary>
/// Random runs of mining, sending, confirming and reorganizing against one wallet, checking after every step that
/// the wallet agrees with the chain: it is at the tip, its confirmed coins are in the UTXO set, and no money
/// appears or vanishes (everything mined to it on the active chain, less the fees of its live sends).
/// </summary>
public sealed class NodeWalletModelTests
{
    private enum Step { MineToWallet, MineElsewhere, Send, Confirm, Reorganize }

    private static readonly Gen<(Step Step, int Size)> Steps =
        from step in Gen.Frequency((3, Gen.Constant(Step.MineToWallet)), (3, Gen.Constant(Step.MineElsewhere)), (4, Gen.Constant(Step.Send)),
            (2, Gen.Constant(Step.Confirm)), (2, Gen.Constant(Step.Reorganize)))
        from size in Gen.Choose(1, 3)
        select (step, size);

    [Property(MaxTest = 12)]
    public Property Wallet_agrees_with_the_chain_after_every_step()
    {
        return Prop.ForAll(Arb.From(Gen.ListOf(Steps).Select(l => l.Take(30).ToArray())), steps =>
        {
            using var dir = new TempDirectory();
            using var node = new WalletNode(dir);
            var mining = new HashSet<Script>();
            // Start with coins that mature soon, so sends have something to spend.
            var first = node.Wallet.GetNewAddress();
            mining.Add(first.ToScript());
            node.Miner.Mine(first.ToScript());
            node.Miner.MineMany(10, WalletNode.Elsewhere);
            foreach (var (step, size) in steps)
            {
                Apply(node, mining, step, size);
                Check(node, mining, $"after {step} {size}");
            }
            return true;
        });
    }

    private static void Apply(WalletNode node, HashSet<Script> mining, Step step, int size)
    {
        switch (step)
        {
            case Step.MineToWallet:
                var address = node.Wallet.GetNewAddress();
                mining.Add(address.ToScript());
                node.Miner.Mine(address.ToScript());
                break;
            case Step.MineElsewhere:
                node.Miner.MineMany(size, WalletNode.Elsewhere);
                break;
            case Step.Send:
                try
                {
                    node.Wallet.SendToAddressAsync(node.Wallet.GetNewAddress(), Money.FromCoins(size * 4), null, CancellationToken.None).GetAwaiter().GetResult();
                }
                catch (WalletException e) when (e.Error == WalletError.InsufficientFunds)
                {
                }
                break;
            case Step.Confirm:
                // Parents before children: fewer in-pool ancestors first.
                var transactions = node.Pool.GetEntries().OrderBy(e => e.AncestorCount).Select(e => e.Transaction).ToList();
                node.Miner.Mine(WalletNode.Elsewhere, transactions);
                break;
            case Step.Reorganize:
                var tip = node.Harness.Chain.Tip;
                var fork = tip.GetAncestor(Math.Max(0, tip.Height - size))!;
                node.Miner.MineMany(tip.Height - fork.Height + 1, WalletNode.Elsewhere, fork);
                break;
        }
    }

    private static void Check(WalletNode node, HashSet<Script> mining, string context)
    {
        var chain = node.Harness.Chain;
        var wallet = node.Wallet;
        Assert.True(chain.Tip.Height == wallet.Height, $"{context}: wallet at {wallet.Height}, chain at {chain.Tip.Height}");

        var spendable = wallet.ListUnspent(1);
        foreach (var coin in spendable)
        {
            Assert.True(chain.Coins.TryGetCoin(coin.OutPoint, out var utxo), $"{context}: {coin.OutPoint} is not in the UTXO set");
            Assert.Equal(coin.Amount, utxo.Output.Value);
        }
        Assert.Equal(Money.Sum(spendable.Select(c => c.Amount)), wallet.GetBalance(1).Confirmed);

        long mined = 0;
        for (int height = 1; height <= chain.Tip.Height; height++)
        {
            Assert.True(chain.TryGetBlock(chain.GetActiveEntry(height)!.Hash, out var block));
            var output = block.Transactions[0].Outputs[0];
            if (mining.Contains(output.ScriptPubKey))
                mined += output.Value.Atoms;
        }
        long fees = wallet.ListTransactions(int.MaxValue)
            .Where(r => r.Category == WalletTransactionCategory.Send && r.Confirmations >= 0)
            .GroupBy(r => r.Txid).Sum(g => -g.First().Fee!.Value.Atoms);
        Assert.True(mined - fees == wallet.GetBalance(0).Total.Atoms,
            $"{context}: mined {mined} - fees {fees} != wallet total {wallet.GetBalance(0).Total.Atoms}");
    }
}
