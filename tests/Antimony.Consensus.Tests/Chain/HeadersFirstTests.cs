using Antimony.Consensus.Chain;
using Antimony.Consensus.Events;
using Antimony.Consensus.Tests.Support;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;

namespace Antimony.Consensus.Tests.Chain;

public sealed class HeadersFirstTests
{
    [Fact]
    public async Task Blocks_arriving_out_of_order_after_their_headers_connect_once_the_gap_is_filled()
    {
        using var source = new TestNode();
        var blocks = new List<Block>();
        for (int i = 0; i < 5; i++)
            blocks.Add(source.MineEmpty(1));

        using var node = new TestNode();
        Assert.True((await node.Chain.ProcessHeadersAsync([.. blocks.Select(b => b.Header)])).IsValid);
        Assert.Equal(0, node.Chain.Tip.Height);
        foreach (int i in new[] { 4, 2, 3, 1 })
            Assert.Equal(BlockAcceptance.SideChain, node.Submit(blocks[i]).Acceptance);
        Assert.Equal(0, node.Chain.Tip.Height);

        var connected = new List<int>();
        node.Events.BlockConnected += (_, e) => connected.Add(e.Entry.Height);
        var result = node.Submit(blocks[0]);
        Assert.Equal(BlockAcceptance.Active, result.Acceptance);
        Assert.Equal(blocks[4].Hash, node.Chain.Tip.Hash);
        Assert.Equal([1, 2, 3, 4, 5], connected);
        Assert.Equal(source.State.Snapshot(), node.State.Snapshot());
    }

    [Fact]
    public void Mempool_notifications_are_delivered_in_order_after_release()
    {
        using var node = new TestNode();
        var events = (ChainEvents)node.Events;
        var seen = new List<string>();
        node.Events.TransactionAdded += (_, e) => seen.Add("added " + e.Fee.Atoms);
        node.Events.TransactionRemoved += (_, e) => seen.Add("removed " + e.Reason);
        var tx = node.Maker.Make(node.Chain.Tip).Transactions[0];
        events.Enqueue(new TransactionAddedEventArgs(tx, new Money(7)));
        events.Enqueue(new TransactionRemovedEventArgs(tx, TransactionRemovalReason.Included));
        Assert.Empty(seen);
        events.Deliver();
        Assert.Equal(["added 7", "removed Included"], seen);
    }
}
