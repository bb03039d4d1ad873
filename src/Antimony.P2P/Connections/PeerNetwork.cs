using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Antimony.Consensus.Chain;
using Antimony.Consensus.Events;
using Antimony.Consensus.Mempool;
using Antimony.Consensus.Parameters;
using Antimony.P2P.Defences;
using Antimony.P2P.Framing;
using Antimony.P2P.Hosting;
using Antimony.P2P.Messages;
using Antimony.P2P.Peers;
using Antimony.P2P.Relay;
using Antimony.P2P.Sync;
using Antimony.P2P.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Antimony.P2P.Connections;

/// <summary>
/// The connection manager: accepts inbound peers up to a limit, keeps bootstrap peers connected (redialling
/// with exponential backoff) and fills the remaining outbound slots from the address book, runs each peer's
/// message loop, pings and drops idle peers, and disconnects (and discourages) misbehaving peers.
/// </summary>
public sealed partial class PeerNetwork : BackgroundService
{
    private readonly PeerToPeerOptions _options;
    private readonly ChainState _chain;
    private readonly ILogger _logger;
    private readonly PeerToPeerMetrics _metrics;
    private readonly ConnectionOptions _connection;
    private readonly LocalNode _local;
    private readonly ChainSync _sync;
    private readonly TransactionRelay _relay;
    private readonly ConcurrentDictionary<Peer, byte> _peers = new();
    private readonly ConcurrentDictionary<Peer, byte> _all = new();
    private readonly DefenceMetrics _defenceMetrics;
    private readonly TimeProvider _time;
    private readonly RateLimits _limits;
    private readonly long _sendQueueHardLimit;
    private readonly CancellationTokenSource _shutdown = new();
    private long _handshakesSucceeded;
    private long _handshakesFailed;
    private int _running;
    private readonly ConcurrentDictionary<IPEndPoint, byte> _dialling = new();
    private readonly ConcurrentDictionary<Task, byte> _sessions = new();
    private SocketListener? _listener;

    /// <summary>Creates the manager; options are validated here, so a bad configuration fails at start.</summary>
    public PeerNetwork(IOptions<PeerToPeerOptions> options, ChainParameters parameters, ChainState chain, IChainEvents events,
        TimeProvider time, ILogger<PeerNetwork>? logger = null, TransactionPool? pool = null, IMeterFactory? meterFactory = null)
    {
        _options = options.Value;
        _chain = chain;
        _logger = logger ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        _metrics = new PeerToPeerMetrics(meterFactory);
        _defenceMetrics = new DefenceMetrics(meterFactory);
        _time = time;
        _connection = new ConnectionOptions { Frame = FrameOptions.For(parameters.Network, parameters.MaxBlockWeight) };
        _local = new LocalNode(_options.UserAgent);
        bool shared = parameters.Name is "regtest" or "devnet";
        var allow = _options.AllowList ?? (shared ? [IPAddress.Loopback, IPAddress.IPv6Loopback] : []);
        Discouragement = new Discouragement(allow, _options.DiscouragementDuration, time);
        Bans = new BanList(time, _options.BanListPath);
        Bans.Banned += OnBanned;
        long frame = _connection.Frame.MaxFrameLength;
        // One largest frame must always fit in the byte bucket, or an honest 1 MB block could never pass.
        _limits = new RateLimits(_options.MessageRate, _options.MessageBurst, _options.ByteRate, Math.Max(_options.ByteBurst, frame),
            _options.UnknownMessageRate, _options.UnknownMessageBurst);
        _sendQueueHardLimit = 2 * _options.SendQueueLimit + frame;
        MaxBufferedBytesPerPeer = _connection.EffectiveInputPauseThreshold + _connection.MinimumSegmentSize
            + _connection.OutputPauseThreshold + frame + _sendQueueHardLimit;
        _sync = new ChainSync(chain, events, ReadyPeers, _metrics, _options.BlockDownloadWindow);
        _relay = new TransactionRelay(pool, events, ReadyPeers);
    }

    /// <summary>The endpoint actually listened on (port 0 resolved), once started.</summary>
    public IPEndPoint? LocalEndPoint => _listener?.LocalEndPoint;

    /// <summary>The peers that completed the handshake.</summary>
    public IReadOnlyCollection<Peer> Peers => [.. _peers.Keys];

    /// <summary>Misbehaving addresses (automatic, in memory) and the allow list.</summary>
    public Discouragement Discouragement { get; }

    /// <summary>Addresses learnt from gossip and from peers reached.</summary>
    public AddressBook Addresses { get; } = new();

    /// <summary>Opens the listener before the background loops start, so <see cref="LocalEndPoint"/> is known.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.AddressBookPath is { } book)
            Addresses.Load(book);
        if (!Bans.Load(out var error))
            Log.BanListDamaged(_logger, Bans.Path!, error ?? "unreadable");
        if (_options.Listen is { } listen)
        {
            _listener = SocketListener.Start(listen, _connection);
            _local.Listen = _listener.LocalEndPoint;
            Log.Listening(_logger, _listener.LocalEndPoint.ToString());
        }
        // Here rather than in ExecuteAsync, which .NET 10 runs on the thread pool: once StartAsync returns, the
        // operator API (ConnectAsync, AddPersistent) works.
        StartPersistentLoops();
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var link = stoppingToken.Register(_shutdown.Cancel);
        var loops = new List<Task> { LivenessAsync(stoppingToken), FillOutboundAsync(stoppingToken) };
        if (_listener is not null)
            loops.Add(AcceptAsync(_listener, stoppingToken));
        loops.AddRange(_options.Bootstrap.Select(endPoint => KeepConnectedAsync(endPoint, gated: true, stoppingToken)));
        try
        {
            await Task.WhenAll(loops).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Stops listening, ends every loop and closes every peer.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _running, 0);
        await _shutdown.CancelAsync().ConfigureAwait(false);
        if (_listener is not null)
            await _listener.DisposeAsync().ConfigureAwait(false);
        foreach (var peer in _peers.Keys)
            peer.Disconnect();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        // The stopping token has fired, so every session ends promptly; wait so none outlives the chain state.
        try
        {
            await Task.WhenAll(_sessions.Keys).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        if (_options.AddressBookPath is { } book)
            Addresses.Save(book);
        Bans.Save();
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        base.Dispose();
        _metrics.Dispose();
        _defenceMetrics.Dispose();
        _shutdown.Dispose();
    }

    private IEnumerable<Peer> ReadyPeers() => _peers.Keys;

    private void Track(Task session)
    {
        _sessions[session] = 0;
        _ = session.ContinueWith(t => _sessions.TryRemove(t, out _), TaskScheduler.Default);
    }

    // Peers the operator asked for (addnode) have slots of their own, as in Bitcoin Core.
    private int Count(bool inbound) => _peers.Keys.Count(p => p.IsInbound == inbound && !p.IsManual);

    private async Task AcceptAsync(SocketListener listener, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            IMessageConnection connection;
            try
            {
                connection = await listener.AcceptAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ObjectDisposedException or OperationCanceledException)
            {
                return;
            }
            var address = (connection.RemoteEndPoint as IPEndPoint)?.Address ?? IPAddress.None;
            if (Bans.IsBanned(address) || !MakeInboundRoom(Discouragement.IsDiscouraged(address)))
            {
                connection.Abort();
                await connection.DisposeAsync().ConfigureAwait(false);
                continue;
            }
            Track(RunPeerAsync(connection, inbound: true, stoppingToken));
        }
    }

    // A discouraged address may take only a free slot; a good one may evict a discouraged peer (PROTOCOL.md).
    private bool MakeInboundRoom(bool discouraged)
    {
        if (Count(inbound: true) < _options.MaxInbound)
            return true;
        if (discouraged)
            return false;
        var victim = _peers.Keys.FirstOrDefault(p => p.IsInbound && Discouragement.IsDiscouraged(p.RemoteEndPoint.Address));
        victim?.Abort();
        return victim is not null;
    }

    // Bootstrap peers are gated by MaxOutbound (a devnet leaf keeps exactly its one link); peers added by the
    // operator (addnode add) are not, as Bitcoin Core gives them slots of their own.
    private async Task KeepConnectedAsync(IPEndPoint endPoint, bool gated, CancellationToken stoppingToken, CancellationToken? loopToken = null)
    {
        var delay = _options.ReconnectDelay;
        var loop = loopToken ?? stoppingToken;
        while (!loop.IsCancellationRequested)
        {
            bool connected = (!gated || Count(inbound: false) < _options.MaxOutbound) && await DialAsync(endPoint, stoppingToken, manual: !gated).ConfigureAwait(false);
            delay = connected ? _options.ReconnectDelay : TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxReconnectDelay.Ticks));
            try
            {
                await Task.Delay(delay, loop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!gated)
            {
                return; // removed by the operator, or stopping
            }
        }
    }

    private async Task FillOutboundAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
            // A dial stays in _dialling for its whole session; count only those still connecting. A node already
            // connected (either way: an inbound peer's advertised listen endpoint counts) is not dialled again.
            int connecting = _dialling.Keys.Count(e => !_peers.Keys.Any(p => !p.IsInbound && p.RemoteEndPoint.Equals(e)));
            if (Count(inbound: false) + connecting >= _options.MaxOutbound)
                continue;
            var candidate = Addresses.Pick(e => _dialling.ContainsKey(e) || _options.Bootstrap.Contains(e) || Equals(e, LocalEndPoint)
                || _peers.Keys.Any(p => p.RemoteEndPoint.Equals(e) || e.Equals(p.ListenEndPoint)) || Discouragement.IsDiscouraged(e.Address) || Bans.IsBanned(e));
            if (candidate is not null)
                Track(DialAsync(candidate, stoppingToken));
        }
    }

    // Dials once and runs the peer to its end; true if the handshake completed. The handshake's outcome is also
    // reported through the optional completion source as soon as it is known (ConnectAsync waits on it).
    private async Task<bool> DialAsync(IPEndPoint endPoint, CancellationToken stoppingToken, TaskCompletionSource<bool>? handshake = null, bool manual = false)
    {
        if (Bans.IsBanned(endPoint) || !_dialling.TryAdd(endPoint, 0))
        {
            handshake?.TrySetResult(false);
            return false;
        }
        try
        {
            IMessageConnection connection;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(_options.HandshakeTimeout);
                connection = await SocketConnector.ConnectAsync(endPoint, _connection, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is System.Net.Sockets.SocketException or OperationCanceledException && !stoppingToken.IsCancellationRequested)
            {
                Log.ConnectFailed(_logger, endPoint.ToString(), e.Message);
                handshake?.TrySetResult(false);
                return false;
            }
            return await RunPeerAsync(connection, inbound: false, stoppingToken, endPoint, handshake, manual).ConfigureAwait(false);
        }
        finally
        {
            handshake?.TrySetResult(false);
            _dialling.TryRemove(endPoint, out _);
        }
    }
}
