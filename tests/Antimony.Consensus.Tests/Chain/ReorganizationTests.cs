using Antimony.Consensus.Chain;
using Antimony.Consensus.Events;
using Antimony.Consensus.Parameters;
using Antimony.Consensus.Tests.Support;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;

namespace Antimony.Consensus.Tests.Chain;

public sealed class ReorganizationTests
{
    private static readonly ChainParameters QuickMaturity = ChainParameters.Regtest with { CoinbaseMaturity = 1 };

    private static List<Block> Branch(TestNode node, ChainEntry from, int length)
    {
        var blocks = new List<Block>();
        var parent = from;
        for (int i = 0; i < length; i++)
        {
            var block = node.Maker.Make(parent);
            var result = node.Submit(block);
            Assert.NotEqual(BlockAcceptance.Rejected, result.Acceptance);
            blocks.Add(block);
            parent = result.Entry!;
        }
        return blocks;
    }

    [Fact]
    public void A_longer_branch_takes_over_and_events_arrive_in_order_after_the_state_changed()
    {
        using var node = new TestNode(QuickMaturity);
        node.MineEmpty(3);
        var fork = node.Chain.Tip;
        var coin = node.MatureCoins()[0];
        var spend = node.Wallet.Spend([coin], node.Wallet.Split(coin.Coin.Output.Value, 2));
        node.Accepts(node.Maker.Make(fork, [spend]));
        node.MineEmpty(1);
        var utxoOnA = node.State.CopyCoins();

        var log = new List<string>();
        node.Events.BlockConnected += (_, e) => log.Add($"+{e.Entry.Height}");
        node.Events.BlockDisconnected += (_, e) => log.Add($"-{e.Entry.Height}");
        node.Events.TipChanged += (_, e) =>
        {
            Assert.Same(node.Chain.Tip, e.NewTip);
            log.Add($"tip {e.OldTip.Height}->{e.NewTip.Height} depth {e.DisconnectedBlocks}");
        };

        var branch = Branch(node, fork, 3);
        Assert.Equal(branch[^1].Hash, node.Chain.Tip.Hash);
        Assert.Equal(["-5", "-4", "+4", "+5", "+6", "tip 5->6 depth 2"], log);
        // The spend is undone: its input is back, its outputs are gone.
        Assert.True(node.State.TryGetCoin(coin.OutPoint, out _));
        Assert.False(node.State.TryGetCoin(new(spend.Txid, 0), out _));
        Assert.All(branch, b => Assert.True(node.State.TryGetCoin(new(b.Transactions[0].Txid, 0), out _)));
        Assert.False(utxoOnA.Keys.ToHashSet().SetEquals(node.State.CopyCoins().Keys));
    }

    [Fact]
    public void Equal_work_keeps_the_first_seen_tip()
    {
        using var node = new TestNode();
        var genesis = node.Chain.Tip;
        var first = Branch(node, genesis, 2);
        var second = Branch(node, genesis, 2);
        Assert.Equal(first[^1].Hash, node.Chain.Tip.Hash);
        Assert.True(node.Chain.TryGetEntry(second[^1].Hash, out var other));
        Assert.Equal(node.Chain.Tip.ChainWork, other.ChainWork);
        Assert.False(node.Chain.IsActive(other));
    }

    [Fact]
    public void Reorganizing_back_and_forth_restores_the_utxo_set_exactly()
    {
        using var node = new TestNode(QuickMaturity);
        node.MineEmpty(4);
        var fork = node.Chain.Tip;
        var atFork = node.State.CopyCoins();
        var coins = node.MatureCoins();
        var spend = node.Wallet.Spend(coins.Take(2).ToList(), node.Wallet.Split(Money.FromCoins(100), 5));
        node.Accepts(node.Maker.Make(fork, [spend]));
        node.MineEmpty(2);
        var onA = node.State.CopyCoins();
        var aTip = node.Chain.Tip;

        var b = Branch(node, fork, 4);
        Assert.Equal(b[^1].Hash, node.Chain.Tip.Hash);
        var c = Branch(node, aTip, 2);
        Assert.Equal(c[^1].Hash, node.Chain.Tip.Hash);
        // Back on A plus two: A's coins are all there again.
        var now = node.State.CopyCoins();
        Assert.All(onA, kv => Assert.Equal(kv.Value, now[kv.Key]));
        Assert.All(atFork.Keys.Except(coins.Take(2).Select(c => c.OutPoint)), k => Assert.True(now.ContainsKey(k)));
    }

    [Fact]
    public void A_branch_with_an_invalid_block_is_abandoned_and_the_node_returns_to_the_best_valid_chain()
    {
        using var node = new TestNode(QuickMaturity);
        node.MineEmpty(3);
        var fork = node.Chain.Tip;
        node.MineEmpty(2);
        var validTip = node.Chain.Tip;
        var before = node.State.Snapshot();

        // A side branch whose second block overpays: stored as a side chain until it would win, then found invalid.
        var b1 = node.Maker.Make(fork);
        Assert.Equal(BlockAcceptance.SideChain, node.Submit(b1).Acceptance);
        Assert.True(node.Chain.TryGetEntry(b1.Hash, out var b1Entry));
        var b2 = node.Maker.Make(b1Entry, coinbaseValue: Money.FromCoins(51));
        Assert.Equal(BlockAcceptance.SideChain, node.Submit(b2).Acceptance);
        Assert.True(node.Chain.TryGetEntry(b2.Hash, out var b2Entry));
        var b3 = node.Maker.Make(b2Entry);
        var result = node.Submit(b3);
        Assert.Equal(BlockAcceptance.Rejected, result.Acceptance);
        Assert.Equal("bad-prevblk", result.Code);
        Assert.Equal("bad-cb-amount", b2Entry.InvalidReason!.Value.Code);
        Assert.Same(validTip, node.Chain.Tip);
        Assert.Equal(before, node.State.Snapshot());
        node.Rejects(node.Maker.Make(result.Entry!), "bad-prevblk");
    }

    [Fact]
    public void A_restarted_chain_state_over_the_same_stores_resumes_at_the_same_tip()
    {
        using var node = new TestNode(QuickMaturity);
        node.MineEmpty(3);
        var fork = node.Chain.Tip;
        node.MineEmpty(2);
        Branch(node, fork, 1);
        var invalid = node.Maker.Make(node.Chain.Tip, coinbaseValue: Money.FromCoins(60));
        node.Submit(invalid);

        using var reopened = new ChainState(node.Parameters, node.Rules, node.Blocks, node.State, new ChainEvents(), node.Clock);
        Assert.Equal(node.Chain.Tip.Hash, reopened.Tip.Hash);
        Assert.Equal(node.Chain.HeaderCount, reopened.HeaderCount);
        Assert.True(reopened.TryGetEntry(invalid.Hash, out var entry));
        Assert.True(entry.IsInvalid);
        Assert.Equal(node.Chain.Tip.ChainWork, reopened.Tip.ChainWork);
    }

    [Fact]
    public async Task The_first_seen_order_survives_a_restart()
    {
        using var node = new TestNode();
        var genesis = node.Chain.Tip;
        var first = Branch(node, genesis, 2);
        var second = Branch(node, genesis, 2);
        using var reopened = new ChainState(node.Parameters, node.Rules, node.Blocks, node.State, new ChainEvents(), node.Clock);
        Assert.True(reopened.TryGetEntry(first[^1].Hash, out var a));
        Assert.True(reopened.TryGetEntry(second[^1].Hash, out var b));
        Assert.True(a.Sequence < b.Sequence);
        Assert.Equal(first[^1].Hash, reopened.Tip.Hash);
        var next = node.Maker.Make(reopened.Tip);
        Assert.Equal(BlockAcceptance.Active, (await reopened.ProcessBlockAsync(next)).Acceptance);
        Assert.True(reopened.TryGetEntry(next.Hash, out var added));
        Assert.True(added.Sequence > b.Sequence);
    }

    [Fact]
    public void Stores_of_another_network_are_refused()
    {
        using var node = new TestNode();
        Assert.Throws<InvalidOperationException>(() =>
            new ChainState(ChainParameters.Mainnet, node.Rules, node.Blocks, node.State, new ChainEvents(), node.Clock));
    }

    [Fact]
    public async Task Handlers_run_without_the_lock_and_may_call_back_into_the_chain_state()
    {
        using var node = new TestNode();
        Block? reentrant = null;
        BlockProcessingResult? inner = null;
        node.Events.TipChanged += (_, e) =>
        {
            if (reentrant is not null || e.NewTip.Height != 1)
                return;
            reentrant = node.Maker.Make(e.NewTip);
            inner = node.Chain.ProcessBlockAsync(reentrant).GetAwaiter().GetResult();
        };
        node.Events.TipChanged += (_, _) => throw new InvalidOperationException("a buggy subscriber");
        var result = await node.Chain.ProcessBlockAsync(node.Maker.Make(node.Chain.Tip));
        Assert.Equal(BlockAcceptance.Active, result.Acceptance);
        Assert.Equal(BlockAcceptance.Active, inner!.Value.Acceptance);
        Assert.Equal(2, node.Chain.Tip.Height);
    }

    [Fact]
    public async Task Processing_honours_cancellation_while_waiting()
    {
        using var node = new TestNode();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => node.Chain.ProcessBlockAsync(node.Maker.Make(node.Chain.Tip), cancelled.Token));
        Assert.Equal(0, node.Chain.Tip.Height);
    }
}
