using System.Collections.Concurrent;
using System.Net;
using Antimony.P2P.Defences;
using Antimony.P2P.Hosting;
using Antimony.P2P.Peers;

namespace Antimony.P2P.Connections;

/// <summary>What an operator (RPC addnode, disconnectnode, setban, getnetworkinfo) can do with the network.</summary>
public sealed partial class PeerNetwork
{
    private readonly ConcurrentDictionary<IPEndPoint, CancellationTokenSource?> _persistent = new();
    private readonly Lock _persistentLock = new();
    private long _nextPeerId;

    /// <summary>The operator's bans (RPC <c>setban</c>/<c>listbanned</c>/<c>clearbanned</c>), persisted to <c>BanListPath</c>; a new ban disconnects the peers it covers.</summary>
    public BanList Bans { get; }

    /// <summary>Handshakes completed, counting both directions.</summary>
    public long HandshakesSucceeded => Interlocked.Read(ref _handshakesSucceeded);

    /// <summary>Handshakes that failed (timeout, old version, self-connection, misbehaviour, early close).</summary>
    public long HandshakesFailed => Interlocked.Read(ref _handshakesFailed);

    /// <summary>Bytes all connections hold in memory (pipes and send queues, handshaking peers included).</summary>
    public long BufferedBytes => _all.Keys.Sum(p => p.BufferedBytes);

    /// <summary>
    /// The most bytes one peer can make this node hold: the inbound pipe's pause threshold plus a segment, the
    /// outbound pipe's plus one frame, and the send queue's hard limit (2 x <c>SendQueueLimit</c> + one frame).
    /// </summary>
    public long MaxBufferedBytesPerPeer { get; }

    /// <summary>The endpoints kept connected on the operator's request (addnode add), bootstrap peers not included.</summary>
    public IReadOnlyCollection<IPEndPoint> PersistentPeers => [.. _persistent.Keys];

    /// <summary>
    /// Dials <paramref name="endPoint"/> once (RPC <c>addnode onetry</c>), outside the outbound target; true once
    /// the handshake completed, false if the dial or the handshake failed, the endpoint is banned or already being dialled.
    /// The connection then lives on like any other outbound peer.
    /// </summary>
    /// <exception cref="InvalidOperationException">The network is not running.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired (the dial goes on).</exception>
    public Task<bool> ConnectAsync(IPEndPoint endPoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        if (Volatile.Read(ref _running) == 0)
            throw new InvalidOperationException("The peer-to-peer network is not running.");
        var handshake = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Track(DialAsync(endPoint, _shutdown.Token, handshake, manual: true));
        return handshake.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Keeps <paramref name="endPoint"/> connected, redialling with backoff like a bootstrap peer but outside the
    /// outbound target (RPC <c>addnode add</c>); false if it already was.
    /// </summary>
    public bool AddPersistent(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        lock (_persistentLock)
        {
            if (!_persistent.TryAdd(endPoint, null))
                return false;
            if (Volatile.Read(ref _running) != 0)
                StartPersistentLoop(endPoint);
        }
        return true;
    }

    /// <summary>Stops redialling <paramref name="endPoint"/> (RPC <c>addnode remove</c>); a current connection stays. False if it was not added.</summary>
    public bool RemovePersistent(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        lock (_persistentLock)
        {
            if (!_persistent.TryRemove(endPoint, out var loop))
                return false;
            loop?.Cancel();
            loop?.Dispose();
        }
        return true;
    }

    /// <summary>
    /// Disconnects the peers at <paramref name="endPoint"/>: its connection's remote endpoint or its listen
    /// endpoint (RPC <c>disconnectnode</c>); false if none was connected.
    /// </summary>
    public bool Disconnect(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        bool any = false;
        foreach (var peer in _all.Keys.Where(p => Matches(p, endPoint)))
        {
            Log.PeerDisconnected(_logger, peer.ToString(), "disconnected by the operator");
            peer.Disconnect();
            any = true;
        }
        return any;
    }

    private static bool Matches(Peer peer, IPEndPoint endPoint)
    {
        var address = endPoint.Address.IsIPv4MappedToIPv6 ? endPoint.Address.MapToIPv4() : endPoint.Address;
        var remote = peer.RemoteEndPoint.Address.IsIPv4MappedToIPv6 ? peer.RemoteEndPoint.Address.MapToIPv4() : peer.RemoteEndPoint.Address;
        return remote.Equals(address) && (peer.RemoteEndPoint.Port == endPoint.Port || peer.ListenEndPoint?.Port == endPoint.Port);
    }

    // Called once the network runs: starts the loops of endpoints added before.
    private void StartPersistentLoops()
    {
        lock (_persistentLock)
        {
            Volatile.Write(ref _running, 1);
            foreach (var endPoint in _persistent.Keys)
                StartPersistentLoop(endPoint);
        }
    }

    // Under _persistentLock.
    private void StartPersistentLoop(IPEndPoint endPoint)
    {
        var loop = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token);
        _persistent[endPoint] = loop;
        Track(KeepConnectedAsync(endPoint, gated: false, _shutdown.Token, loop.Token));
    }

    // A new ban drops every peer it covers at once, whether handshaking or connected.
    private void OnBanned(object? sender, BanEntry ban)
    {
        _defenceMetrics.Banned(ban.IsEndPoint);
        foreach (var peer in _all.Keys)
        {
            var address = peer.RemoteEndPoint.Address.IsIPv4MappedToIPv6 ? peer.RemoteEndPoint.Address.MapToIPv4() : peer.RemoteEndPoint.Address;
            if (ban.Covers(address, peer.ListenEndPoint?.Port ?? 0) || ban.Covers(address, peer.RemoteEndPoint.Port))
            {
                Log.PeerBanned(_logger, peer.ToString(), ban.ToString());
                peer.Abort();
            }
        }
    }
}
