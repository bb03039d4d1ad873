using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Threading.Channels;
using Antimony.Consensus.Chain;
using Antimony.P2P.Defences;
using Antimony.P2P.Hosting;
using Antimony.P2P.Messages;
using Antimony.P2P.Transport;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;

namespace Antimony.P2P.Peers;

/// <summary>
/// One connected peer: its connection, what the handshake negotiated, a send queue drained by one loop (so
/// relay from event handlers never blocks on a slow socket), liveness and the inventory it is known to have.
/// </summary>
public sealed class Peer : IAsyncDisposable
{
    private const int MaxKnownInventory = 50_000;
    private readonly IMessageConnection _connection;
    private readonly Channel<INetworkMessage> _outbox = Channel.CreateUnbounded<INetworkMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HashSet<Hash256> _known = [];
    private readonly PeerToPeerMetrics? _metrics;
    private readonly PeerRateLimiter? _limiter;
    private readonly Func<Peer, BlockHash, bool>? _requested;
    private readonly long _sendQueueLimit;
    private readonly long _sendQueueHardLimit;
    private TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _sendLoop = Task.CompletedTask;
    private long _queuedBytes;
    private int _sendLoopEnded;
    private ulong _pingNonce;
    private long _pingStarted;
    private long _bytesSeen;
    private long _bytesSeenAt;

    /// <summary>
    /// Creates the peer. <paramref name="dialled"/> is the endpoint dialled for an outbound peer; the limiter charges
    /// every received message except blocks <paramref name="requested"/> says were asked of this peer; the send
    /// queue pauses the peer's message loop above <paramref name="sendQueueLimit"/> bytes and drops the peer above
    /// <paramref name="sendQueueHardLimit"/> (only announcements can push it there, from a peer that stopped reading).
    /// </summary>
    internal Peer(IMessageConnection connection, bool inbound, PeerToPeerMetrics? metrics, IPEndPoint? dialled = null,
        PeerRateLimiter? limiter = null, Func<Peer, BlockHash, bool>? requested = null, long sendQueueLimit = long.MaxValue, long sendQueueHardLimit = long.MaxValue)
    {
        _connection = connection;
        _metrics = metrics;
        _limiter = limiter;
        _requested = requested;
        _sendQueueLimit = sendQueueLimit;
        _sendQueueHardLimit = sendQueueHardLimit;
        IsInbound = inbound;
        RemoteEndPoint = connection.RemoteEndPoint as IPEndPoint ?? new IPEndPoint(IPAddress.None, 0);
        ListenEndPoint = dialled;
        LastReceived = Stopwatch.GetTimestamp();
        _bytesSeenAt = LastReceived;
    }

    /// <summary>The peer's address and port.</summary>
    public IPEndPoint RemoteEndPoint { get; }

    /// <summary>
    /// The endpoint the peer accepts connections on: for an outbound peer the endpoint dialled; for an inbound
    /// one its address with the listen port it advertised in <c>version</c> (null if it advertised none). Endpoint
    /// bans match on it, since nodes sharing a host differ only by it.
    /// </summary>
    public IPEndPoint? ListenEndPoint { get; private set; }

    /// <summary>Bytes this peer holds in memory: its connection's buffers and the messages queued for it.</summary>
    public long BufferedBytes => _connection.BufferedBytes + Math.Max(0, Interlocked.Read(ref _queuedBytes));

    /// <summary>Bytes of messages queued for this peer and not yet handed to the connection.</summary>
    public long QueuedBytes => Interlocked.Read(ref _queuedBytes);

    /// <summary>Whether the operator asked for this connection (addnode): it does not take an outbound slot.</summary>
    public bool IsManual { get; internal init; }

    /// <summary>Whether the peer dialled us.</summary>
    public bool IsInbound { get; }

    /// <summary>The peer's <c>version</c>, once received.</summary>
    public VersionMessage? Version { get; private set; }

    /// <summary>The protocol version both sides speak: the lower of the two.</summary>
    public int NegotiatedVersion => Math.Min(Version?.Version ?? 0, ProtocolVersion.Current);

    /// <summary>Whether the peer asked for block announcements by <c>headers</c> (BIP130).</summary>
    public bool PrefersHeaders { get; internal set; }

    /// <summary>Whether both sides sent <c>wtxidrelay</c> (BIP339): transactions are announced by wtxid.</summary>
    public bool WtxidRelay { get; private set; }

    /// <summary>The peer's minimum fee rate for transaction announcements (BIP133), in atoms per kvB.</summary>
    public long FeeFilter { get; internal set; }

    /// <summary>
    /// The node-unique id given when the handshake completed, counting from 0 (Bitcoin Core's <c>getpeerinfo</c>
    /// <c>id</c> and <c>disconnectnode</c> <c>nodeid</c>); -1 before.
    /// </summary>
    public long Id { get; internal set; } = -1;

    /// <summary>When the handshake completed.</summary>
    public DateTimeOffset ConnectedAt { get; internal set; }

    /// <summary>The last measured ping round trip, or <see langword="null"/> before the first pong.</summary>
    public TimeSpan? Latency { get; private set; }

    /// <summary>The best header the peer is known to have.</summary>
    public ChainEntry? BestKnown { get; internal set; }

    /// <summary>Blocks requested from this peer and not yet received.</summary>
    internal int BlocksInFlight;

    /// <summary>Headers messages that did not connect (Bitcoin Core tolerates a few, then disconnects).</summary>
    internal int UnconnectingHeaders;

    /// <summary>When the last message arrived (a <see cref="Stopwatch"/> timestamp).</summary>
    internal long LastReceived { get; private set; }

    /// <summary>The connection's transport counters and close reason.</summary>
    public IMessageConnection Connection => _connection;

    /// <summary>
    /// Queues <paramref name="message"/> for sending; false once the peer is closing. A peer whose queue passes
    /// the hard limit (it stopped reading while announcements kept coming) is aborted.
    /// </summary>
    public bool Post(INetworkMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        long size = message.SerializedSize + Framing.FrameLimits.HeaderSize;
        if (Interlocked.Add(ref _queuedBytes, size) > _sendQueueHardLimit)
        {
            Interlocked.Add(ref _queuedBytes, -size);
            Abort();
            return false;
        }
        if (_outbox.Writer.TryWrite(message))
            return true;
        Interlocked.Add(ref _queuedBytes, -size);
        return false;
    }

    /// <summary>
    /// Waits while more than the send-queue limit waits to be sent (Bitcoin Core's fPauseSend): the message loop
    /// calls this before reading more requests, so a peer that asks for data and never reads it cannot make us
    /// queue more. Returns at once when the peer is closing.
    /// </summary>
    internal async ValueTask WaitForSendRoomAsync(CancellationToken cancellationToken)
    {
        while (Interlocked.Read(ref _queuedBytes) > _sendQueueLimit && Volatile.Read(ref _sendLoopEnded) == 0)
        {
            var drained = Volatile.Read(ref _drained);
            if (Interlocked.Read(ref _queuedBytes) <= _sendQueueLimit)
                break;
            await drained.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether the peer stopped sending in the middle of a frame for longer than <paramref name="timeout"/> (called by one liveness loop).</summary>
    internal bool IsStalledMidFrame(TimeSpan timeout)
    {
        long received = _connection.BytesReceived;
        if (received != _bytesSeen)
        {
            _bytesSeen = received;
            _bytesSeenAt = Stopwatch.GetTimestamp();
            return false;
        }
        return _connection.IsAwaitingFrameRemainder && Stopwatch.GetElapsedTime(_bytesSeenAt) > timeout;
    }

    /// <summary>Records that the peer has <paramref name="hash"/>; returns false if it was already known.</summary>
    internal bool MarkKnown(Hash256 hash)
    {
        lock (_known)
        {
            if (_known.Count >= MaxKnownInventory)
                _known.Clear();
            return _known.Add(hash);
        }
    }

    /// <summary>Whether the peer is known to have <paramref name="hash"/>.</summary>
    internal bool Knows(Hash256 hash)
    {
        lock (_known)
            return _known.Contains(hash);
    }

    /// <summary>
    /// Runs version/verack: sends ours, requires theirs (version at least 70001, a nonce not ours), answers
    /// <c>wtxidrelay</c> between version and verack as BIP339 requires, then sends the features the negotiated
    /// version has (sendheaders from 70012, feefilter from 70013).
    /// </summary>
    internal async Task HandshakeAsync(LocalNode local, int startHeight, long feeFilter, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ulong nonce = local.NewNonce();
        try
        {
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timer.CancelAfter(timeout);
            var receiver = new NetworkAddress(ServiceFlags.None, RemoteEndPoint.Address, (ushort)RemoteEndPoint.Port);
            var sender = local.SenderFor(_connection.LocalEndPoint);
            await SendNowAsync(new VersionMessage(ProtocolVersion.Current, LocalNode.Services, DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                receiver, sender, nonce, local.UserAgent, startHeight, relay: true), timer.Token).ConfigureAwait(false);
            bool verack = false;
            while (Version is null || !verack)
            {
                INetworkMessage? message;
                try
                {
                    message = await ReceiveAsync(timer.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new PeerHandshakeException("timeout");
                }
                switch (message)
                {
                    case null:
                        throw new PeerHandshakeException($"closed during handshake ({_connection.CloseReason})");
                    case VersionMessage version when Version is null:
                        if (version.Version < ProtocolVersion.MinimumSupported)
                            throw new PeerHandshakeException($"version {version.Version} is below {ProtocolVersion.MinimumSupported}");
                        if (local.IsOwn(version.Nonce))
                            throw new PeerHandshakeException("connected to self");
                        Version = version;
                        if (IsInbound && version.Sender.Port != 0)
                            ListenEndPoint = new IPEndPoint(RemoteEndPoint.Address, version.Sender.Port);
                        if (NegotiatedVersion >= ProtocolVersion.WtxidRelay)
                            await SendNowAsync(WtxidRelayMessage.Instance, timer.Token).ConfigureAwait(false);
                        await SendNowAsync(VerackMessage.Instance, timer.Token).ConfigureAwait(false);
                        break;
                    case VersionMessage:
                        throw new PeerMisbehaviourException(MisbehaviourReason.ProtocolOrder, "duplicate version");
                    case WtxidRelayMessage when Version is not null && !verack:
                        WtxidRelay = NegotiatedVersion >= ProtocolVersion.WtxidRelay;
                        break;
                    case VerackMessage when Version is not null:
                        verack = true;
                        break;
                    case UnknownMessage:
                        break;
                    default:
                        // Bitcoin Core ignores other messages before the handshake; we are stricter only about order.
                        if (Version is null)
                            throw new PeerMisbehaviourException(MisbehaviourReason.ProtocolOrder, $"{message.Command} before version");
                        break;
                }
            }
        }
        finally
        {
            local.Release(nonce);
        }
        if (NegotiatedVersion >= ProtocolVersion.SendHeaders)
            Post(SendHeadersMessage.Instance);
        if (NegotiatedVersion >= ProtocolVersion.FeeFilter)
            Post(new FeeFilterMessage(new Primitives.Amounts.Money(feeFilter)));
        _sendLoop = Task.Run(SendLoopAsync, CancellationToken.None);
    }

    /// <summary>
    /// Receives the next message (null at the end), counting it, refreshing liveness and charging the rate
    /// limits (blocks requested from this peer are free).
    /// </summary>
    /// <exception cref="PeerMisbehaviourException">The peer broke a wire rule or exhausted a rate limit.</exception>
    internal async ValueTask<INetworkMessage?> ReceiveAsync(CancellationToken cancellationToken)
    {
        INetworkMessage? message;
        try
        {
            message = await _connection.ReceiveAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Framing.WireProtocolException e)
        {
            throw PeerMisbehaviourException.From(e);
        }
        if (message is not null)
        {
            LastReceived = Stopwatch.GetTimestamp();
            int frame = message.SerializedSize + Framing.FrameLimits.HeaderSize;
            _metrics?.Message(message.Command.Name, sent: false, frame);
            if (_limiter is not null && !(message is BlockMessage block && _requested?.Invoke(this, block.Block.Hash) == true)
                && _limiter.Charge(frame, message is UnknownMessage) is { } reason)
                throw new PeerMisbehaviourException(reason, $"{message.Command} exhausted the {(reason == MisbehaviourReason.RateLimited ? "message or byte rate limit" : "unknown-command budget")}");
        }
        return message;
    }

    /// <summary>Sends a ping unless one is outstanding; returns false if the previous one is still unanswered.</summary>
    internal bool Ping()
    {
        if (_pingNonce != 0)
            return false;
        _pingNonce = (ulong)Random.Shared.NextInt64(1, long.MaxValue);
        _pingStarted = Stopwatch.GetTimestamp();
        Post(new PingMessage(_pingNonce));
        return true;
    }

    /// <summary>Handles a pong: a matching nonce ends the ping and records its round trip (BIP31).</summary>
    internal void OnPong(ulong nonce)
    {
        if (nonce == 0 || nonce != _pingNonce)
            return;
        Latency = Stopwatch.GetElapsedTime(_pingStarted);
        _pingNonce = 0;
    }

    /// <summary>Closes gracefully: queued messages are sent first, then the connection is closed.</summary>
    public void Disconnect()
    {
        if (_outbox.Writer.TryComplete())
            _ = _sendLoop.ContinueWith(_ => _connection.Close(), TaskScheduler.Default);
        else
            _connection.Close();
    }

    /// <summary>Drops the connection at once (misbehaviour).</summary>
    internal void Abort()
    {
        _outbox.Writer.TryComplete();
        _connection.Abort();
    }

    /// <summary>Stops the send loop and releases the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _outbox.Writer.TryComplete();
        _connection.Abort();
        await _sendLoop.ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"{RemoteEndPoint} ({(IsInbound ? "in" : "out")})";

    private async ValueTask SendNowAsync(INetworkMessage message, CancellationToken cancellationToken)
    {
        if (!await _connection.SendAsync(message, cancellationToken).ConfigureAwait(false))
            throw new PeerHandshakeException("connection closed while sending");
        _metrics?.Message(message.Command.Name, sent: true, message.SerializedSize + 24);
    }

    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (var message in _outbox.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                bool sent = await _connection.SendAsync(message).ConfigureAwait(false);
                if (Interlocked.Add(ref _queuedBytes, -(message.SerializedSize + Framing.FrameLimits.HeaderSize)) <= _sendQueueLimit)
                    Interlocked.Exchange(ref _drained, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                if (!sent)
                    break;
                _metrics?.Message(message.Command.Name, sent: true, message.SerializedSize + 24);
            }
        }
        catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException)
        {
            // The connection went away under us; the receive side reports the close.
        }
        _outbox.Writer.TryComplete();
        // Whatever is still queued will never be sent: release it and any message loop waiting for room.
        while (_outbox.Reader.TryRead(out var dropped))
            Interlocked.Add(ref _queuedBytes, -(dropped.SerializedSize + Framing.FrameLimits.HeaderSize));
        Volatile.Write(ref _sendLoopEnded, 1);
        Volatile.Read(ref _drained).TrySetResult();
    }
}
