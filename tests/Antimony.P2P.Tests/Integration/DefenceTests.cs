using Antimony.Consensus.Tests.Support;
using System.Net;
using Antimony.Consensus.Chain;
using Antimony.P2P.Messages;
using Antimony.P2P.Tests.Support;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using Xunit;

namespace Antimony.P2P.Tests.Integration;

/// <summary>Liveness and DoS defences against a hand-driven peer over TCP.</summary>
public sealed class DefenceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_flood_of_unconnecting_headers_disconnects_and_discourages()
    {
        var victim = await TestPeerNode.StartAsync(o => o.AllowList = []);
        try
        {
            await using var attacker = await RawPeer.ConnectAsync(victim.EndPoint);
            using var deadline = new CancellationTokenSource(Timeout);
            Assert.True(await attacker.CompleteHandshakeAsync(deadline.Token));
            var orphan = victim.Maker.Make(victim.Chain.Tip).Header with { PreviousBlock = new BlockHash(new Hash256(Enumerable.Repeat((byte)7, 32).ToArray())) };
            for (int i = 0; i < 11; i++)
                await attacker.Connection.SendAsync(new HeadersMessage([orphan with { Nonce = (uint)i }]), deadline.Token);
            await attacker.DrainAsync(deadline.Token);
            await Eventually.AssertAsync(() => victim.Network.Discouragement.IsDiscouraged(IPAddress.Loopback), Timeout, "discouraged");
            Assert.Equal(0, victim.Chain.Tip.Height);
        }
        finally
        {
            await victim.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_header_with_bad_proof_of_work_disconnects_and_discourages()
    {
        var victim = await TestPeerNode.StartAsync(o => o.AllowList = []);
        try
        {
            await using var attacker = await RawPeer.ConnectAsync(victim.EndPoint);
            using var deadline = new CancellationTokenSource(Timeout);
            Assert.True(await attacker.CompleteHandshakeAsync(deadline.Token));
            var bad = BlockMaker.Unmine(victim.Maker.Make(victim.Chain.Tip).Header);
            await attacker.Connection.SendAsync(new HeadersMessage([bad]), deadline.Token);
            await attacker.DrainAsync(deadline.Token);
            await Eventually.AssertAsync(() => victim.Network.Discouragement.IsDiscouraged(IPAddress.Loopback), Timeout, "discouraged");
            Assert.Equal(0, victim.Chain.Tip.Height);
        }
        finally
        {
            await victim.DisposeAsync();
        }
    }

    [Fact]
    public async Task Inbound_connections_beyond_the_limit_are_refused()
    {
        var nodes = new List<TestPeerNode>();
        try
        {
            var hub = await TestPeerNode.StartAsync(o => o.MaxInbound = 1);
            nodes.Add(hub);
            var hubEnd = hub.EndPoint;
            nodes.Add(await TestPeerNode.StartAsync(o => o.Bootstrap = [hubEnd]));
            await Eventually.AssertAsync(() => hub.Network.Peers.Count == 1, Timeout, "first inbound peer");
            using var deadline = new CancellationTokenSource(Timeout);
            bool admitted;
            try
            {
                await using var extra = await RawPeer.ConnectAsync(hubEnd, cancellationToken: deadline.Token);
                admitted = await extra.CompleteHandshakeAsync(deadline.Token);
            }
            catch (Exception e) when (e is System.Net.Sockets.SocketException or IOException)
            {
                admitted = false; // the refused connection was reset before or during our version
            }
            Assert.False(admitted);
            Assert.Single(hub.Network.Peers);
        }
        finally
        {
            foreach (var node in nodes)
                await node.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_silent_peer_is_dropped_after_the_idle_timeout_without_discouragement()
    {
        var victim = await TestPeerNode.StartAsync(o => { o.AllowList = []; o.IdleTimeout = TimeSpan.FromMilliseconds(500); o.PingInterval = TimeSpan.FromMilliseconds(100); });
        try
        {
            await using var attacker = await RawPeer.ConnectAsync(victim.EndPoint);
            using var deadline = new CancellationTokenSource(Timeout);
            Assert.True(await attacker.CompleteHandshakeAsync(deadline.Token));
            await Eventually.AssertAsync(() => victim.Network.Peers.Count == 1, Timeout, "connected");
            // The raw peer never answers pings, so after the idle timeout the victim closes the connection.
            await attacker.DrainAsync(deadline.Token);
            await Eventually.AssertAsync(() => victim.Network.Peers.Count == 0, Timeout, "dropped");
            Assert.False(victim.Network.Discouragement.IsDiscouraged(IPAddress.Loopback));
        }
        finally
        {
            await victim.DisposeAsync();
        }
    }
}
