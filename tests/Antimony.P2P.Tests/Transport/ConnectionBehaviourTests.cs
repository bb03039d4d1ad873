using Antimony.Primitives.Numerics;
using System.Collections.Immutable;
using Antimony.P2P.Framing;
using Antimony.P2P.Messages;
using Antimony.P2P.Tests.Framing;
using Antimony.P2P.Transport;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Networks;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;

namespace Antimony.P2P.Tests.Transport;

/// <summary>
/// The behaviour every transport must have, written once and run against TCP on 127.0.0.1 and against the
/// in-memory transport (the derived classes say how to connect a pair).
/// </summary>
public abstract class ConnectionBehaviourTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    protected static ConnectionOptions Options { get; } = new() { Frame = TestFrames.Options };

    /// <summary>Connects two endpoints; the second may use other options (another network's magic).</summary>
    protected abstract Task<(IMessageConnection First, IMessageConnection Second, IAsyncDisposable Scope)> ConnectAsync(
        ConnectionOptions first, ConnectionOptions second);

    [Fact]
    public async Task Messages_cross_in_both_directions_intact()
    {
        var (a, b, scope) = await ConnectAsync(Options, Options);
        await using var _ = scope;
        INetworkMessage[] toB = [new PingMessage(42), Inventory(1), Inventory(1000), VerackMessage.Instance, new FeeFilterMessage(new Money(1000))];
        INetworkMessage[] toA = [new PongMessage(42), Inventory(3), SendHeadersMessage.Instance];

        var sendA = SendAllAsync(a, toB);
        var sendB = SendAllAsync(b, toA);
        var atB = await ReceiveAsync(b, toB.Length);
        var atA = await ReceiveAsync(a, toA.Length);
        await Task.WhenAll(sendA, sendB).WaitAsync(Patience);

        AssertSameFrames(toB, atB);
        AssertSameFrames(toA, atA);
        long framed = toB.Sum(m => TestFrames.Frame(m).LongLength);
        Assert.Equal(framed, b.BytesReceived);
        Assert.Equal(toB.Length, a.MessagesSent);
        Assert.Equal(toB.Length, b.MessagesReceived);
        Assert.Equal(0, b.BufferedReceiveBytes);
        Assert.Equal(ConnectionCloseReason.None, a.CloseReason);
        Assert.NotNull(a.RemoteEndPoint);
    }

    [Fact]
    public async Task Concurrent_senders_never_interleave_frames()
    {
        var (a, b, scope) = await ConnectAsync(Options, Options);
        await using var _ = scope;
        var senders = Enumerable.Range(0, 4).Select(t => Task.Run(async () =>
        {
            for (int i = 0; i < 250; i++)
                Assert.True(await a.SendAsync(i % 50 == 0 ? Inventory(500) : new PingMessage((ulong)(t * 1000 + i))));
        })).ToArray();
        var received = await ReceiveAsync(b, 1000);
        await Task.WhenAll(senders).WaitAsync(Patience);
        var nonces = received.OfType<PingMessage>().Select(p => p.Nonce).ToHashSet();
        Assert.Equal(4 * 245, nonces.Count);
        Assert.Equal(20, received.OfType<InvMessage>().Count(m => m.Entries.Length == 500));
        Assert.Equal(1000, a.MessagesSent);
    }

    [Fact]
    public async Task A_1_MB_block_crosses_intact()
    {
        var (a, b, scope) = await ConnectAsync(Options, Options);
        await using var _ = scope;
        var block = MegabyteBlock();
        var send = a.SendAsync(new BlockMessage(block)).AsTask();
        var received = Assert.IsType<BlockMessage>((await ReceiveAsync(b, 1))[0]);
        Assert.True(await send.WaitAsync(Patience));
        Assert.True(block.SerializedSize > 1_000_000);
        Assert.Equal(block.Hash, received.Block.Hash);
        Assert.Equal(block.ToBytes(), received.Block.ToBytes());
    }

    [Fact]
    public async Task A_slow_reader_pauses_the_sender_and_buffers_stay_bounded()
    {
        // Small limits so the bounds are tight: 64 KiB of unsent bytes pause the sender; the receiver's pipe
        // pauses at the largest frame (256 KiB + header) plus one 16 KiB segment.
        var options = Options with { Frame = TestFrames.Options with { MaxPayloadLength = 256 * 1024 }, OutputPauseThreshold = 64 * 1024 };
        var (a, b, scope) = await ConnectAsync(options, options);
        await using var _ = scope;
        var message = Inventory(1800);
        int frameLength = TestFrames.Frame(message).Length;
        const int Count = 400; // 26 MB: far beyond both pipes plus any kernel socket buffers on loopback
        int sent = 0;
        var sender = Task.Run(async () =>
        {
            for (int i = 0; i < Count; i++)
            {
                await a.SendAsync(message);
                Interlocked.Increment(ref sent);
            }
        });

        // Wait until the sender makes no progress: backpressure has reached it.
        int last = -1;
        for (int stable = 0; stable < 10 && !sender.IsCompleted;)
        {
            await Task.Delay(50);
            int now = Volatile.Read(ref sent);
            stable = now == last ? stable + 1 : 0;
            last = now;
        }

        Assert.False(sender.IsCompleted, "the sender was never paused");
        Assert.InRange(a.BufferedSendBytes, 0, options.OutputPauseThreshold + frameLength);
        Assert.InRange(b.BufferedReceiveBytes, 0, options.EffectiveInputPauseThreshold + options.MinimumSegmentSize);
        Assert.True(a.BufferedSendBytes + b.BufferedReceiveBytes < 700_000, $"{a.BufferedSendBytes} + {b.BufferedReceiveBytes} bytes buffered");

        // Reading resumes the sender, and everything arrives.
        var received = await ReceiveAsync(b, Count);
        await sender.WaitAsync(Patience);
        Assert.Equal(Count, received.Count);
        Assert.All(received, m => Assert.Equal(1800, Assert.IsType<InvMessage>(m).Entries.Length));
    }

    [Fact]
    public async Task A_peer_abort_is_seen_as_a_reset_without_an_exception()
    {
        var (a, b, scope) = await ConnectAsync(Options, Options);
        await using var _ = scope;
        Assert.True(await a.SendAsync(new PingMessage(1)));
        Assert.IsType<PingMessage>((await ReceiveAsync(b, 1))[0]);

        b.Abort();

        Assert.Null(await a.ReceiveAsync().AsTask().WaitAsync(Patience));
        await a.Completion.WaitAsync(Patience);
        await b.Completion.WaitAsync(Patience);
        Assert.True(a.Completion.IsCompletedSuccessfully && b.Completion.IsCompletedSuccessfully);
        Assert.Equal(ConnectionCloseReason.RemoteReset, a.CloseReason);
        Assert.Equal(ConnectionCloseReason.LocalAbort, b.CloseReason);
        Assert.False(await a.SendAsync(new PingMessage(2)));
        Assert.False(await b.SendAsync(new PingMessage(2)));
    }

    [Fact]
    public async Task A_graceful_close_delivers_queued_messages_then_ends_both_sides()
    {
        var (a, b, scope) = await ConnectAsync(Options, Options);
        await using var _ = scope;
        for (ulong i = 0; i < 3; i++)
            Assert.True(await a.SendAsync(new PingMessage(i)));
        a.Close();
        a.Close();

        var received = new List<INetworkMessage>();
        await foreach (var message in b.ReadAllAsync().WithCancellation(new CancellationTokenSource(Patience).Token))
            received.Add(message);
        Assert.Equal([0UL, 1UL, 2UL], received.Select(m => ((PingMessage)m).Nonce));
        Assert.Null(await b.ReceiveAsync().AsTask().WaitAsync(Patience));
        await Task.WhenAll(a.Completion, b.Completion).WaitAsync(Patience);
        Assert.Equal(ConnectionCloseReason.LocalClose, a.CloseReason);
        Assert.Equal(ConnectionCloseReason.RemoteClosed, b.CloseReason);
        a.Abort();
        await a.DisposeAsync();
        await a.DisposeAsync();
        Assert.Equal(ConnectionCloseReason.LocalClose, a.CloseReason);
    }

    [Fact]
    public async Task A_frame_from_another_network_is_a_violation_and_aborts_the_connection()
    {
        var foreign = Options with { Frame = TestFrames.Options with { Magic = Network.Mainnet.Magic } };
        var (a, b, scope) = await ConnectAsync(foreign, Options);
        await using var _ = scope;
        Assert.True(await a.SendAsync(new PingMessage(1)));

        var ex = await Assert.ThrowsAsync<WireProtocolException>(() => b.ReceiveAsync().AsTask().WaitAsync(Patience));
        Assert.Equal(ProtocolViolation.BadMagic, ex.Violation);
        Assert.Equal(ConnectionCloseReason.ProtocolViolation, b.CloseReason);
        Assert.Null(await b.ReceiveAsync());
        Assert.Null(await a.ReceiveAsync().AsTask().WaitAsync(Patience));
        Assert.Equal(ConnectionCloseReason.RemoteReset, a.CloseReason);
    }

    [Fact]
    public async Task A_cancelled_receive_leaves_the_connection_usable()
    {
        var (a, b, scope) = await ConnectAsync(Options, Options);
        await using var _ = scope;
        using var cts = new CancellationTokenSource();
        var pending = b.ReceiveAsync(cts.Token).AsTask();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.WaitAsync(Patience));

        Assert.True(await a.SendAsync(new PingMessage(9)));
        Assert.Equal(9UL, Assert.IsType<PingMessage>((await ReceiveAsync(b, 1))[0]).Nonce);
        Assert.Equal(ConnectionCloseReason.None, b.CloseReason);
    }

    [Fact]
    public async Task An_oversized_outbound_message_is_refused_before_anything_is_queued()
    {
        var small = Options with { Frame = TestFrames.Options with { MaxPayloadLength = 1000 } };
        var (a, _, scope) = await ConnectAsync(small, small);
        await using var __ = scope;
        await Assert.ThrowsAsync<ArgumentException>(() => a.SendAsync(Inventory(100)).AsTask());
        Assert.Equal(0, a.BufferedSendBytes);
        Assert.True(await a.SendAsync(new PingMessage(1)));
    }

    internal static InvMessage Inventory(int count) => new(Enumerable.Range(0, count)
        .Select(i => new InventoryVector(InventoryType.WitnessTx, Sha256d.Hash(BitConverter.GetBytes(i)))).ToImmutableArray());

    internal static Block MegabyteBlock()
    {
        var outputs = Enumerable.Range(0, 10).Select(i => new TxOut(new Money(i), new Script(Enumerable.Repeat((byte)i, 100_000).ToArray())));
        var tx = new Transaction(2, [new TxIn(new OutPoint(new Txid(Sha256d.Hash([1])), 0))], [.. outputs], 0);
        return new Block(new BlockHeader(1, default, tx.Txid.Value, 1_700_000_000, new CompactTarget(0x207fffff), 7), [tx]);
    }

    private static async Task SendAllAsync(IMessageConnection connection, IEnumerable<INetworkMessage> messages)
    {
        foreach (var message in messages)
            Assert.True(await connection.SendAsync(message));
    }

    private static async Task<List<INetworkMessage>> ReceiveAsync(IMessageConnection connection, int count)
    {
        var received = new List<INetworkMessage>();
        while (received.Count < count)
            received.Add(await connection.ReceiveAsync().AsTask().WaitAsync(Patience) ?? throw new InvalidOperationException($"Closed ({connection.CloseReason}) after {received.Count} messages"));
        return received;
    }

    private static void AssertSameFrames(IReadOnlyList<INetworkMessage> expected, IReadOnlyList<INetworkMessage> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
            Assert.Equal(TestFrames.Frame(expected[i]), TestFrames.Frame(actual[i]));
    }
}
