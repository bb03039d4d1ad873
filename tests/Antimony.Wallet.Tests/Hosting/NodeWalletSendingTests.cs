using Antimony.Consensus.Events;
using Antimony.Consensus.Mempool;
using Antimony.Testing.Chains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Antimony.Primitives.Amounts;
using Antimony.Wallet.Hosting;
using Antimony.Wallet.Tests.Support;

namespace Antimony.Wallet.Tests.Hosting;

public sealed class NodeWalletSendingTests
{
    [Fact]
    public async Task Concurrent_sends_never_spend_the_same_coin_and_chain_on_own_change()
    {
        using var dir = new TempDirectory();
        using var node = new WalletNode(dir);
        var b = node.Open("b");
        node.Miner.Mine(node.Wallet.GetNewAddress().ToScript());
        node.Miner.Mine(node.Wallet.GetNewAddress().ToScript());
        node.Miner.MineMany(10, WalletNode.Elsewhere);

        // Six sends from two 50-coin coins: later ones must spend the unconfirmed change of earlier ones.
        var sends = Enumerable.Range(0, 6).Select(_ => Task.Run(() => node.Wallet.SendToAddressAsync(b.GetNewAddress(), Money.FromCoins(3), null, CancellationToken.None)));
        var txids = await Task.WhenAll(sends);

        Assert.Equal(6, txids.Distinct().Count());
        Assert.All(txids, t => Assert.True(node.Pool.Contains(t)));
        Assert.Equal(Money.FromCoins(18), b.GetBalance(0).Confirmed);
        var fees = node.Wallet.ListTransactions(100).Where(r => r.Category == WalletTransactionCategory.Send).Sum(r => -r.Fee!.Value.Atoms);
        Assert.Equal(Money.FromCoins(100 - 18) - new Money(fees), node.Wallet.GetBalance(0).Total);
    }

    [Fact]
    public async Task A_send_replaced_by_a_conflicting_one_is_abandoned_and_its_coin_counts_once()
    {
        using var dir = new TempDirectory();
        using var node = new WalletNode(dir);
        node.Miner.Mine(node.Wallet.GetNewAddress().ToScript());
        node.Miner.MineMany(10, WalletNode.Elsewhere);
        // A copy of wallet a (same seed, same state) on another node with the same chain spends the same coin
        // behind a's back; its transaction then reaches a's node, as relay would bring it.
        await node.Wallet.StopAsync(CancellationToken.None);
        CopyDirectory(dir.Sub("a"), dir.Sub("copy"));
        await node.Wallet.StartAsync(CancellationToken.None);
        using var other = new ChainHarness(WalletNode.Parameters, configure: b => b.AddMempool());
        for (int height = 1; height <= node.Harness.Chain.Tip.Height; height++)
        {
            Assert.True(node.Harness.Chain.TryGetBlock(node.Harness.Chain.GetActiveEntry(height)!.Hash, out var block));
            other.Submit(block);
        }
        var otherPool = other.Services.GetRequiredService<TransactionPool>();
        using var copy = new NodeWallet(other.Chain, other.Services.GetRequiredService<IChainEvents>(),
            Options.Create(new WalletOptions { Path = dir.Sub("copy"), Passphrase = WalletNode.Passphrase }), null, null, otherPool);

        var first = await node.Wallet.SendToAddressAsync(node.Wallet.GetNewAddress(), Money.FromCoins(5), FeeRate.FromAtomsPerVirtualByte(2), CancellationToken.None);
        var second = await copy.SendToAddressAsync(copy.GetNewAddress(), Money.FromCoins(6), FeeRate.FromAtomsPerVirtualByte(50), CancellationToken.None);
        Assert.True(otherPool.TryGetEntry(second, out var replacement));
        var result = node.Pool.Accept(replacement.Transaction);

        Assert.True(result.IsAccepted, result.ToString());
        Assert.Contains(first, result.Replaced);
        var abandoned = Assert.Single(node.Wallet.ListTransactions(100), r => r.Txid == first && r.Category == WalletTransactionCategory.Send);
        Assert.True(abandoned.Abandoned);
        Assert.Equal(-1, abandoned.Confirmations);
        // The replacement spends the wallet's coin too, so a sees it as its own send; nothing is counted twice.
        Assert.Contains(node.Wallet.ListTransactions(100), r => r.Txid == second && r.Category == WalletTransactionCategory.Send);
        Assert.Equal(Money.FromCoins(50) - replacement.Fee, node.Wallet.GetBalance(0).Total);
        Assert.DoesNotContain(node.Wallet.ListUnspent(0), c => c.OutPoint.Txid == first);
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }
}
