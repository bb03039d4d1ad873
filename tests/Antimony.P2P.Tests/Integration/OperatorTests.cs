using System.Net;
using Antimony.P2P.Tests.Support;
using Xunit;

namespace Antimony.P2P.Tests.Integration;

/// <summary>What RPC does through PeerNetwork: addnode (onetry, add, remove), disconnectnode, setban with endpoints, and bans across restarts.</summary>
public sealed class OperatorTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_endpoint_ban_drops_one_node_of_a_shared_host_and_refuses_it_after_version()
    {
        var nodes = new List<TestPeerNode>();
        try
        {
            var victim = await TestPeerNode.StartIntoAsync(nodes, o => o.MaxOutbound = 0);
            var victimEnd = victim.EndPoint;
            var a = await TestPeerNode.StartIntoAsync(nodes, o => { o.Bootstrap = [victimEnd]; o.MaxOutbound = 1; });
            var b = await TestPeerNode.StartIntoAsync(nodes, o => { o.Bootstrap = [victimEnd]; o.MaxOutbound = 1; });
            await Eventually.AssertAsync(() => victim.Network.Peers.Count == 2, Timeout, "both nodes connected");
            // Every node advertises its listen endpoint in version's addr_from, so inbound peers on one host differ by it.
            Assert.Equal(new[] { a.EndPoint, b.EndPoint }.OrderBy(e => e.Port), victim.Network.Peers.Select(p => p.ListenEndPoint!).OrderBy(e => e.Port));

            victim.Network.Bans.Ban(a.EndPoint, TimeSpan.FromHours(1));
            await Eventually.AssertAsync(() => victim.Network.Peers.Count == 1, Timeout, "a is dropped");
            Assert.Equal(b.EndPoint, Assert.Single(victim.Network.Peers).ListenEndPoint);
            // a keeps redialling its bootstrap peer; each time the victim refuses it after version.
            long before = a.Network.HandshakesSucceeded + a.Network.HandshakesFailed;
            await Eventually.AssertAsync(() => a.Network.HandshakesSucceeded + a.Network.HandshakesFailed >= before + 2, Timeout, "a redialled twice");
            Assert.Equal(b.EndPoint, Assert.Single(victim.Network.Peers).ListenEndPoint);
            Assert.Equal(a.EndPoint.ToString(), Assert.Single(victim.Network.Bans.Entries).ToString());

            Assert.True(victim.Network.Bans.Unban(a.EndPoint));
            await Eventually.AssertAsync(() => victim.Network.Peers.Count == 2, Timeout, "a is back after the unban");
        }
        finally
        {
            await TestPeerNode.DisposeAllAsync(nodes);
        }
    }

    [Fact]
    public async Task Addnode_onetry_add_remove_and_disconnectnode()
    {
        var nodes = new List<TestPeerNode>();
        try
        {
            var node = await TestPeerNode.StartIntoAsync(nodes, o => o.MaxOutbound = 0);
            var other = await TestPeerNode.StartIntoAsync(nodes, o => o.MaxOutbound = 0);
            var otherEnd = other.EndPoint;
            using var deadline = new CancellationTokenSource(Timeout);

            // onetry: outside the outbound target (0 here), true once the handshake completed.
            Assert.True(await node.Network.ConnectAsync(otherEnd, deadline.Token));
            var peer = Assert.Single(node.Network.Peers);
            Assert.False(peer.IsInbound);
            Assert.Equal(otherEnd, peer.ListenEndPoint);
            Assert.True(node.Network.HandshakesSucceeded >= 1);
            Assert.False(await node.Network.ConnectAsync(new IPEndPoint(IPAddress.Loopback, TestPeerNode.FreePort()), deadline.Token));

            Assert.True(node.Network.Disconnect(otherEnd));
            await Eventually.AssertAsync(() => node.Network.Peers.Count == 0, Timeout, "disconnected");
            Assert.False(node.Network.Disconnect(otherEnd));

            // add: kept connected with backoff, even after a disconnect.
            Assert.True(node.Network.AddPersistent(otherEnd));
            Assert.False(node.Network.AddPersistent(otherEnd));
            Assert.Equal([otherEnd], node.Network.PersistentPeers);
            await Eventually.AssertAsync(() => node.Network.Peers.Count == 1, Timeout, "the persistent peer connected");
            var first = Assert.Single(node.Network.Peers);
            node.Network.Disconnect(otherEnd);
            await Eventually.AssertAsync(() => node.Network.Peers.Count == 1 && !node.Network.Peers.Contains(first), Timeout, "reconnected");

            // remove: no more redials; the current connection stays until it ends.
            Assert.True(node.Network.RemovePersistent(otherEnd));
            Assert.False(node.Network.RemovePersistent(otherEnd));
            Assert.Empty(node.Network.PersistentPeers);
            node.Network.Disconnect(otherEnd);
            await Eventually.AssertAsync(() => node.Network.Peers.Count == 0, Timeout, "disconnected again");
            long handshakes = node.Network.HandshakesSucceeded;
            await Task.Delay(1_000); // several reconnect delays (100 ms in tests)
            Assert.Equal(handshakes, node.Network.HandshakesSucceeded);

            // A banned endpoint is not dialled.
            node.Network.Bans.Ban(otherEnd, TimeSpan.FromHours(1));
            Assert.False(await node.Network.ConnectAsync(otherEnd, deadline.Token));
        }
        finally
        {
            await TestPeerNode.DisposeAllAsync(nodes);
        }
    }

    [Fact]
    public async Task Bans_survive_a_restart_and_a_damaged_ban_file_does_not_stop_the_node()
    {
        var directory = Directory.CreateTempSubdirectory("antimony-banlist-").FullName;
        var path = Path.Combine(directory, "banlist.json");
        try
        {
            var first = await TestPeerNode.StartAsync(o => o.BanListPath = path);
            first.Network.Bans.Ban(IPAddress.Parse("203.0.113.9"), TimeSpan.FromHours(1));
            first.Network.Bans.Ban(new IPEndPoint(IPAddress.Loopback, 20005), TimeSpan.FromDays(1));
            first.Network.Bans.Ban(IPAddress.Parse("198.51.100.1"), TimeSpan.FromMilliseconds(50));
            await first.DisposeAsync();
            await Task.Delay(200); // the short ban expires while the node is down

            var second = await TestPeerNode.StartAsync(o => o.BanListPath = path);
            Assert.Equal(["127.0.0.1:20005", "203.0.113.9"], second.Network.Bans.Entries.Select(e => e.ToString()).Order());
            await second.DisposeAsync();

            File.WriteAllText(path, "{\"version\":1,\"bans\":[{\"addr");
            var third = await TestPeerNode.StartAsync(o => o.BanListPath = path);
            try
            {
                Assert.Empty(third.Network.Bans.Entries);
                third.Network.Bans.Ban(IPAddress.Parse("203.0.113.10"), TimeSpan.FromHours(1));
                Assert.Contains("203.0.113.10", File.ReadAllText(path), StringComparison.Ordinal);
            }
            finally
            {
                await third.DisposeAsync();
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
