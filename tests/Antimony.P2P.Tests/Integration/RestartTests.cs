using Antimony.P2P.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Antimony.P2P.Tests.Integration;

/// <summary>A node stopped and started again on the same RocksDB store rejoins its network and catches up.</summary>
public sealed class RestartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_restarted_node_reopens_its_chain_reconnects_to_its_bootstrap_peers_and_catches_up()
    {
        const int before = 20, during = 5;
        var directory = Directory.CreateTempSubdirectory("antimony-p2p-restart-");
        var nodes = new List<TestPeerNode>();
        TestPeerNode? restarted = null;
        try
        {
            var hub = await TestPeerNode.StartAsync();
            nodes.Add(hub);
            var hubEnd = hub.EndPoint;
            var relay = await TestPeerNode.StartAsync(o => o.Bootstrap = [hubEnd]);
            nodes.Add(relay);
            var relayEnd = relay.EndPoint;
            void Configure(Hosting.PeerToPeerOptions o) => o.Bootstrap = [hubEnd, relayEnd];

            var leaf = await TestPeerNode.StartAsync(Configure, directory.FullName);
            await hub.MineAsync(before);
            await Eventually.AssertAsync(() => leaf.Chain.Tip.Hash == hub.Chain.Tip.Hash && relay.Chain.Tip.Hash == hub.Chain.Tip.Hash, Timeout, "the leaf synced");
            await leaf.DisposeAsync();

            var tip = await hub.MineAsync(during);
            await Eventually.AssertAsync(() => relay.Chain.Tip.Hash == tip.Hash, Timeout, "the relay follows the hub");

            restarted = await TestPeerNode.StartAsync(Configure, directory.FullName);
            Assert.Equal(before, restarted.LoadedHeight);
            await Eventually.AssertAsync(() => restarted.Chain.Tip.Hash == tip.Hash, Timeout, "the restarted node reaches the new tip");
            await Eventually.AssertAsync(() => restarted.Network.Peers.Where(p => !p.IsInbound).Select(p => p.RemoteEndPoint).ToHashSet() is var dialled
                && dialled.Contains(hubEnd) && dialled.Contains(relayEnd), Timeout, "both bootstrap links are back");
            // It fetched the blocks it missed, not the chain it already had.
            long fetched = restarted.Meters.Total("antimony.p2p.messages", ("command", "block"), ("direction", "received"));
            output.WriteLine($"loaded height {restarted.LoadedHeight}, fetched {fetched} blocks to reach {restarted.Chain.Tip.Height}");
            Assert.InRange(fetched, during, before - 1);
        }
        finally
        {
            if (restarted is not null)
                await restarted.DisposeAsync();
            foreach (var node in nodes)
                await node.DisposeAsync();
            directory.Delete(recursive: true);
        }
    }
}
