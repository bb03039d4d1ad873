using System.Net;
using Antimony.Consensus.Chain;
using Antimony.P2P.Messages;
using Antimony.P2P.Tests.Support;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using Xunit;

namespace Antimony.P2P.Tests.Integration;

/// <summary>Block download across peers: sharing the window, and recovering from a peer that withholds blocks.</summary>
public sealed class DownloadTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_peer_that_withholds_a_requested_block_is_dropped_and_the_block_fetched_elsewhere()
    {
        var nodes = new List<TestPeerNode>();
        try
        {
            var honest = await TestPeerNode.StartAsync();
            nodes.Add(honest);
            var honestEnd = honest.EndPoint;
            var victim = await TestPeerNode.StartAsync(o => { o.Bootstrap = [honestEnd]; o.AllowList = []; o.BlockDownloadTimeout = TimeSpan.FromMilliseconds(500); });
            nodes.Add(victim);
            await Eventually.AssertAsync(() => victim.Network.Peers.Count == 1, Timeout, "victim linked to the honest node");
            var block = honest.Maker.Make(honest.Chain.Tip);
            await using var withholder = await RawPeer.ConnectAsync(victim.EndPoint);
            using var deadline = new CancellationTokenSource(Timeout);
            Assert.True(await withholder.CompleteHandshakeAsync(deadline.Token));
            await withholder.Connection.SendAsync(new HeadersMessage([block.Header]), deadline.Token);
            while (await withholder.Connection.ReceiveAsync(deadline.Token) is { } message && message is not GetDataMessage)
            {
            }
            // The block is now in flight from the withholder; the honest node learns it and announces it too.
            Assert.Equal(BlockAcceptance.Active, (await honest.Chain.ProcessBlockAsync(block)).Acceptance);
            await withholder.DrainAsync(deadline.Token); // never answered: the victim drops it after the timeout
            await Eventually.AssertAsync(() => victim.Chain.Tip.Hash == block.Hash, Timeout, "the block fetched from the honest peer");
            Assert.False(victim.Network.Discouragement.IsDiscouraged(IPAddress.Loopback));
            Assert.Single(victim.Network.Peers);
        }
        finally
        {
            foreach (var node in nodes)
                await node.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_fresh_node_downloads_from_several_peers_at_once()
    {
        var nodes = new List<TestPeerNode>();
        try
        {
            var a = await TestPeerNode.StartAsync();
            nodes.Add(a);
            await a.MineAsync(600);
            var aEnd = a.EndPoint;
            var b = await TestPeerNode.StartAsync(o => o.Bootstrap = [aEnd]);
            nodes.Add(b);
            await Eventually.AssertAsync(() => b.Chain.Tip.Hash == a.Chain.Tip.Hash, Timeout, "b synced");
            var bEnd = b.EndPoint;
            var fresh = await TestPeerNode.StartAsync(o => { o.Bootstrap = [aEnd, bEnd]; o.BlockDownloadWindow = 8; });
            nodes.Add(fresh);
            await Eventually.AssertAsync(() => fresh.Chain.Tip.Hash == a.Chain.Tip.Hash, Timeout, "fresh synced");
            // Both sources served blocks: each sent far more messages than a handshake and headers need.
            var sources = fresh.Network.Peers.Where(p => !p.IsInbound).ToList();
            Assert.Equal(2, sources.Count);
            Assert.All(sources, p => Assert.True(p.Connection.MessagesReceived > 20, $"{p}: {p.Connection.MessagesReceived} messages"));
        }
        finally
        {
            foreach (var node in nodes)
                await node.DisposeAsync();
        }
    }
}
