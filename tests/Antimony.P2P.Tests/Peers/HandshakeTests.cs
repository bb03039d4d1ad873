using System.Net;
using Antimony.Consensus.Parameters;
using Antimony.P2P.Framing;
using Antimony.P2P.Messages;
using Antimony.P2P.Peers;
using Antimony.P2P.Transport;
using Xunit;

namespace Antimony.P2P.Tests.Peers;

/// <summary>The version/verack handshake over the in-memory transport (the same connection code as TCP).</summary>
public sealed class HandshakeTests
{
    private static readonly ConnectionOptions Options = new() { Frame = FrameOptions.For(ChainParameters.Regtest.Network) };
    private static readonly NetworkAddress Nowhere = new(ServiceFlags.None, IPAddress.Loopback, 0);

    [Fact]
    public async Task A_silent_peer_times_out()
    {
        var (ours, theirs) = InMemoryTransport.CreatePair(Options);
        await using var peer = new Peer(ours, inbound: false, metrics: null);
        await using var _ = theirs;
        var error = await Assert.ThrowsAsync<PeerHandshakeException>(() =>
            peer.HandshakeAsync(new LocalNode("/t/"), 0, 0, TimeSpan.FromMilliseconds(200), CancellationToken.None));
        Assert.Equal("timeout", error.Message);
    }

    [Theory]
    [InlineData(70001, false, false, false)]
    [InlineData(70012, true, false, false)]
    [InlineData(70013, true, true, false)]
    [InlineData(70016, true, true, true)]
    public async Task Features_follow_the_negotiated_version(int version, bool sendHeaders, bool feeFilter, bool wtxidRelay)
    {
        var (ours, theirs) = InMemoryTransport.CreatePair(Options);
        await using var peer = new Peer(ours, inbound: true, metrics: null);
        await using var _ = theirs;
        var handshake = peer.HandshakeAsync(new LocalNode("/t/"), 7, 1000, TimeSpan.FromSeconds(30), CancellationToken.None);
        var received = new List<INetworkMessage>();
        received.Add((await theirs.ReceiveAsync())!);
        await theirs.SendAsync(new VersionMessage(version, ServiceFlags.NodeNetwork, 0, Nowhere, Nowhere, 99, "/old/", 0, true));
        if (wtxidRelay)
            await theirs.SendAsync(WtxidRelayMessage.Instance);
        await theirs.SendAsync(VerackMessage.Instance);
        await handshake;
        Assert.Equal(version, peer.NegotiatedVersion);
        Assert.Equal(wtxidRelay, peer.WtxidRelay);
        peer.Post(new PingMessage(5)); // a marker: everything before it was sent by the handshake
        while (received[^1] is not PingMessage)
            received.Add((await theirs.ReceiveAsync())!);
        var ourVersion = Assert.IsType<VersionMessage>(received[0]);
        Assert.Equal(ProtocolVersion.Current, ourVersion.Version);
        Assert.Equal(7, ourVersion.StartHeight);
        Assert.Equal(ServiceFlags.NodeNetwork | ServiceFlags.NodeWitness, ourVersion.Services);
        Assert.Equal(sendHeaders, received.Any(m => m is SendHeadersMessage));
        Assert.Equal(feeFilter, received.Any(m => m is FeeFilterMessage));
        Assert.Equal(wtxidRelay, received.Any(m => m is WtxidRelayMessage));
        // BIP339: wtxidrelay goes between version and verack.
        if (wtxidRelay)
            Assert.True(received.FindIndex(m => m is WtxidRelayMessage) < received.FindIndex(m => m is VerackMessage));
    }

    [Fact]
    public async Task Our_own_nonce_means_a_self_connection()
    {
        var (ours, theirs) = InMemoryTransport.CreatePair(Options);
        await using var a = new Peer(ours, inbound: false, metrics: null);
        await using var b = new Peer(theirs, inbound: true, metrics: null);
        var local = new LocalNode("/t/");
        var results = await Task.WhenAll(
            Capture(a.HandshakeAsync(local, 0, 0, TimeSpan.FromSeconds(2), CancellationToken.None)),
            Capture(b.HandshakeAsync(local, 0, 0, TimeSpan.FromSeconds(2), CancellationToken.None)));
        Assert.Contains(results, e => e is PeerHandshakeException { Message: "connected to self" });
    }

    private static async Task<Exception?> Capture(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
