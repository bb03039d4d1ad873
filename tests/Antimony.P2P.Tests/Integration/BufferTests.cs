using System.Collections.Concurrent;
using System.Net;
using Antimony.P2P.Messages;
using Antimony.P2P.Peers;
using Antimony.P2P.Tests.Support;
using Antimony.Primitives.Blocks;
using Xunit;
using Xunit.Abstractions;

namespace Antimony.P2P.Tests.Integration;

/// <summary>The per-peer caps: the send queue, blocks in flight, and blocks on unknown parents (orphans are not kept).</summary>
public sealed class BufferTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly IPAddress Attacker = IPAddress.Parse("127.0.0.2");

    [Fact]
    public async Task A_peer_that_requests_blocks_and_does_not_read_is_paused_at_the_send_queue_limit_not_buffered()
    {
        const int limit = 64 * 1024, requests = 1_000, perRequest = 100;
        var victim = await TestPeerNode.StartAsync(o => { o.MaxOutbound = 0; o.SendQueueLimit = limit; });
        try
        {
            await victim.MineAsync(perRequest);
            using var deadline = new CancellationTokenSource(Timeout);
            await using var attacker = await RawPeer.ConnectAsync(victim.EndPoint, cancellationToken: deadline.Token, from: Attacker);
            Assert.True(await attacker.CompleteHandshakeAsync(deadline.Token));
            var hashes = Enumerable.Range(1, perRequest).Select(h => victim.Chain.Tip.GetAncestor(h)!.Hash.Value).ToArray();
            var getData = new GetDataMessage([.. hashes.Select(h => new InventoryVector(InventoryType.WitnessBlock, h))]);
            // 100,000 blocks asked for (about 25 MB of answers) by a peer that does not read them yet.
            var asking = Task.Run(async () =>
            {
                for (int i = 0; i < requests; i++)
                    await attacker.Connection.SendAsync(getData, deadline.Token);
            });
            Peer? peer = null;
            await Eventually.AssertAsync(() => (peer = victim.Network.Peers.FirstOrDefault(p => p.RemoteEndPoint.Address.Equals(Attacker))) is not null, Timeout, "attacker registered");
            await Eventually.AssertAsync(() => peer!.QueuedBytes > limit / 2, Timeout, "the send queue filled up");
            long peakQueued = 0, peakBuffered = 0;
            for (int i = 0; i < 100; i++)
            {
                peakQueued = Math.Max(peakQueued, peer!.QueuedBytes);
                peakBuffered = Math.Max(peakBuffered, peer.BufferedBytes);
                await Task.Delay(10);
            }
            long oneFrame = new BlockMessage(victim.Maker.Make(victim.Chain.Tip)).SerializedSize + 24 + 1_000;
            Assert.True(peakQueued <= limit + oneFrame, $"queued {peakQueued} > {limit} + one frame");
            Assert.True(peakBuffered <= victim.Network.MaxBufferedBytesPerPeer, $"buffered {peakBuffered} > {victim.Network.MaxBufferedBytesPerPeer}");
            Assert.Contains(peer!, victim.Network.Peers);

            // Paused, not dropped: once the peer reads, every block it asked for arrives.
            int blocks = 0;
            while (blocks < requests * perRequest && await attacker.Connection.ReceiveAsync(deadline.Token) is { } message)
            {
                if (message is BlockMessage)
                    blocks++;
            }
            await asking;
            Assert.Equal(requests * perRequest, blocks);
            Assert.False(victim.Network.Discouragement.IsDiscouraged(Attacker));
            output.WriteLine($"peak queued {peakQueued} bytes (limit {limit}), peak buffered {peakBuffered} bytes; {blocks} blocks delivered after the pause");
        }
        finally
        {
            await victim.DisposeAsync();
        }
    }

    [Fact]
    public async Task No_more_blocks_are_requested_from_a_peer_than_the_download_window()
    {
        const int window = 16;
        var source = await TestPeerNode.StartAsync(o => o.MaxOutbound = 0);
        var victim = await TestPeerNode.StartAsync(o => { o.MaxOutbound = 0; o.BlockDownloadWindow = window; });
        try
        {
            await source.MineAsync(300);
            var chain = Enumerable.Range(1, 300).Select(h => source.Chain.Tip.GetAncestor(h)!).ToList();
            using var deadline = new CancellationTokenSource(Timeout);
            await using var peer = await RawPeer.ConnectAsync(victim.EndPoint, cancellationToken: deadline.Token, from: Attacker);
            Assert.True(await peer.CompleteHandshakeAsync(deadline.Token));
            var requested = new ConcurrentQueue<BlockHash>();
            var reading = Task.Run(async () =>
            {
                while (await peer.Connection.ReceiveAsync(deadline.Token) is { } message)
                {
                    if (message is GetDataMessage getData)
                        foreach (var item in getData.Entries.Where(e => e.Type is InventoryType.WitnessBlock or InventoryType.Block))
                            requested.Enqueue(new BlockHash(item.Hash));
                }
            });
            await peer.Connection.SendAsync(new HeadersMessage([.. chain.Select(e => e.Header)]), deadline.Token);
            await Eventually.AssertAsync(() => requested.Count >= window, Timeout, "the first window requested");
            await Task.Delay(500); // time for a (wrong) second request to arrive
            Assert.Equal(window, requested.Count);
            Assert.Equal(chain.Take(window).Select(e => e.Hash), requested);

            // Delivering one block frees one slot: exactly one more is requested.
            Assert.True(source.Chain.TryGetBlock(chain[0].Hash, out var first));
            await peer.Connection.SendAsync(new BlockMessage(first), deadline.Token);
            await Eventually.AssertAsync(() => requested.Count == window + 1, Timeout, "one more block requested");
            await Task.Delay(300);
            Assert.Equal(window + 1, requested.Count);
            Assert.Equal(1, victim.Chain.Tip.Height);
        }
        finally
        {
            await victim.DisposeAsync();
            await source.DisposeAsync();
        }
    }

    [Fact]
    public async Task Blocks_on_unknown_parents_are_not_kept()
    {
        var source = await TestPeerNode.StartAsync(o => o.MaxOutbound = 0);
        var victim = await TestPeerNode.StartAsync(o => { o.MaxOutbound = 0; o.AllowList = []; });
        try
        {
            await source.MineAsync(40);
            using var deadline = new CancellationTokenSource(Timeout);
            await using var peer = await RawPeer.ConnectAsync(victim.EndPoint, cancellationToken: deadline.Token, from: Attacker);
            Assert.True(await peer.CompleteHandshakeAsync(deadline.Token));
            var orphans = Enumerable.Range(2, 38).Select(h => source.Chain.Tip.GetAncestor(h)!.Hash).ToList();
            foreach (var hash in orphans)
            {
                Assert.True(source.Chain.TryGetBlock(hash, out var block));
                await peer.Connection.SendAsync(new BlockMessage(block), deadline.Token);
            }
            // The victim handles one peer's messages in order: the pong means every block above was processed.
            await peer.Connection.SendAsync(new PingMessage(42), deadline.Token);
            while (await peer.Connection.ReceiveAsync(deadline.Token) is { } message && message is not PongMessage { Nonce: 42 })
            {
            }
            Assert.All(orphans, hash => Assert.False(victim.Chain.TryGetEntry(hash, out _)));
            Assert.Equal(0, victim.Chain.Tip.Height);
            Assert.False(victim.Network.Discouragement.IsDiscouraged(Attacker));
            Assert.Single(victim.Network.Peers);
        }
        finally
        {
            await victim.DisposeAsync();
            await source.DisposeAsync();
        }
    }
}
