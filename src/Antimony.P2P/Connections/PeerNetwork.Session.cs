using System.Diagnostics;
using System.Net;
using Antimony.P2P.Defences;
using Antimony.P2P.Hosting;
using Antimony.P2P.Messages;
using Antimony.P2P.Peers;
using Antimony.P2P.Transport;

namespace Antimony.P2P.Connections;

/// <summary>One peer's life: handshake, registration, the message loop, liveness and misbehaviour.</summary>
public sealed partial class PeerNetwork
{
    // Runs a connection to its end; true if the handshake completed.
    private async Task<bool> RunPeerAsync(IMessageConnection connection, bool inbound, CancellationToken stoppingToken, IPEndPoint? dialled = null,
        TaskCompletionSource<bool>? handshake = null, bool manual = false)
    {
        var peer = new Peer(connection, inbound, _metrics, dialled, new PeerRateLimiter(_limits, _time), _sync.IsRequestedFrom,
            _options.SendQueueLimit, _sendQueueHardLimit) { IsManual = manual };
        _all[peer] = 0;
        try
        {
            return await RunAsync(peer, connection, inbound, stoppingToken, dialled, handshake).ConfigureAwait(false);
        }
        finally
        {
            _all.TryRemove(peer, out _);
            handshake?.TrySetResult(false);
        }
    }

    private async Task<bool> RunAsync(Peer peer, IMessageConnection connection, bool inbound, CancellationToken stoppingToken, IPEndPoint? dialled,
        TaskCompletionSource<bool>? handshake)
    {
        try
        {
            await peer.HandshakeAsync(_local, _chain.Tip.Height, _relay.FeeFilter, _options.HandshakeTimeout, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is PeerHandshakeException or PeerMisbehaviourException or OperationCanceledException)
        {
            Interlocked.Increment(ref _handshakesFailed);
            _metrics.HandshakeFailed();
            Log.HandshakeFailed(_logger, peer.ToString(), e.Message);
            if (e is PeerMisbehaviourException misbehaviour)
                Misbehaving(peer, misbehaviour.Reason, misbehaviour.Detail);
            else if (e is PeerHandshakeException && connection.IsAwaitingFrameRemainder)
                Misbehaving(peer, MisbehaviourReason.TruncatedFrame, "the handshake timed out in the middle of a frame");
            await peer.DisposeAsync().ConfigureAwait(false);
            return false;
        }
        // An endpoint ban is only known now: the listen port comes in version (CONTRACTS: refused after version).
        if (Bans.Find(peer.RemoteEndPoint.Address, peer.ListenEndPoint?.Port ?? 0) is { } ban)
        {
            Log.PeerBanned(_logger, peer.ToString(), ban.ToString());
            await peer.DisposeAsync().ConfigureAwait(false);
            return false;
        }
        Interlocked.Increment(ref _handshakesSucceeded);
        peer.Id = Interlocked.Increment(ref _nextPeerId) - 1;
        peer.ConnectedAt = _time.GetUtcNow();
        handshake?.TrySetResult(true);
        _peers[peer] = 0;
        _metrics.PeerCount(inbound, +1);
        var version = peer.Version!;
        Log.PeerConnected(_logger, peer.ToString(), inbound ? "inbound" : "outbound", version.Version, version.UserAgent, version.StartHeight);
        if (dialled is not null)
        {
            Addresses.Add(new TimestampedAddress((uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds(), new NetworkAddress(version.Services, dialled.Address, (ushort)dialled.Port)));
            peer.Post(GetAddrMessage.Instance);
            if (Advertised(connection) is { } self)
                peer.Post(new AddrMessage([self]));
        }
        string reason = "closed";
        try
        {
            _sync.OnPeerReady(peer);
            _relay.OnPeerReady(peer);
            while (true)
            {
                // Bitcoin Core's fPauseSend: read no more requests from a peer that is not reading our answers.
                await peer.WaitForSendRoomAsync(stoppingToken).ConfigureAwait(false);
                if (await peer.ReceiveAsync(stoppingToken).ConfigureAwait(false) is not { } message)
                    break;
                await DispatchAsync(peer, message, stoppingToken).ConfigureAwait(false);
            }
            reason = connection.CloseReason.ToString();
            if (connection.CloseReason == ConnectionCloseReason.ProtocolViolation)
                Misbehaving(peer, MisbehaviourReason.Malformed, "protocol violation on the wire");
        }
        catch (PeerMisbehaviourException e)
        {
            // A wire violation (bad checksum, a 50,001-entry inv, a truncated frame...), a rate limit, or a rule of sync and relay.
            reason = $"{e.Reason}: {e.Detail}";
            Misbehaving(peer, e.Reason, e.Detail);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            reason = "stopping";
        }
        catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException or IOException)
        {
            // Not the peer's fault (shutdown racing the loop, a local fault): disconnect without discouraging.
            reason = e.Message;
        }
        finally
        {
            _peers.TryRemove(peer, out _);
            _metrics.PeerCount(inbound, -1);
            _sync.OnPeerGone(peer);
            Log.PeerDisconnected(_logger, peer.ToString(), reason);
            await peer.DisposeAsync().ConfigureAwait(false);
        }
        return true;
    }

    private async ValueTask DispatchAsync(Peer peer, INetworkMessage message, CancellationToken cancellationToken)
    {
        switch (message)
        {
            case PingMessage ping:
                peer.Post(new PongMessage(ping.Nonce));
                return;
            case PongMessage pong:
                peer.OnPong(pong.Nonce);
                return;
            case SendHeadersMessage:
                peer.PrefersHeaders = true;
                return;
            case FeeFilterMessage filter:
                peer.FeeFilter = filter.MinimumFeePerKilovirtualByte.Atoms;
                return;
            case AddrMessage addr:
                OnAddresses(peer, addr);
                return;
            case GetAddrMessage when peer.IsInbound:
                // Bitcoin Core answers getaddr only on inbound connections (fingerprinting defence).
                peer.Post(new AddrMessage(Addresses.Sample(AddrMessage.MaxAddresses)));
                return;
            case VersionMessage or VerackMessage:
                throw new PeerMisbehaviourException(MisbehaviourReason.ProtocolOrder, $"{message.Command} after the handshake");
        }
        if (!await _sync.HandleAsync(peer, message, cancellationToken).ConfigureAwait(false))
            await _relay.HandleAsync(peer, message, cancellationToken).ConfigureAwait(false);
    }

    // Bitcoin Core forwards small unsolicited addr messages (at most 10 entries) to two other peers; only
    // addresses new to us are forwarded, which ends the flood.
    private void OnAddresses(Peer from, AddrMessage addr)
    {
        var fresh = addr.Addresses.Where(Addresses.Add).ToArray();
        if (addr.Addresses.Length > 10 || fresh.Length == 0)
            return;
        foreach (var peer in _peers.Keys.Where(p => !ReferenceEquals(p, from)).OrderBy(_ => Random.Shared.Next()).Take(2))
            peer.Post(new AddrMessage([.. fresh]));
    }

    // Our listening address as the peer sees it: the local address of this connection with the listen port.
    private TimestampedAddress? Advertised(IMessageConnection connection)
    {
        if (LocalEndPoint is not { } listen || connection.LocalEndPoint is not IPEndPoint local)
            return null;
        var address = listen.Address.Equals(IPAddress.Any) || listen.Address.Equals(IPAddress.IPv6Any) ? local.Address : listen.Address;
        return new TimestampedAddress((uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds(), new NetworkAddress(LocalNode.Services, address, (ushort)listen.Port));
    }

    private void Misbehaving(Peer peer, MisbehaviourReason reason, string detail)
    {
        bool discouraged = Discouragement.Discourage(peer.RemoteEndPoint.Address, reason);
        _metrics.Misbehaved(discouraged);
        _defenceMetrics.Misbehaved(reason, discouraged);
        Log.Misbehaved(_logger, peer.ToString(), reason, detail, discouraged);
        peer.Abort();
    }

    // Pings every peer each PingInterval, drops a peer silent for IdleTimeout (a pong counts as traffic) and
    // one that holds a requested block past BlockDownloadTimeout.
    private async Task LivenessAsync(CancellationToken stoppingToken)
    {
        long shortest = new[] { _options.PingInterval, _options.IdleTimeout, _options.BlockDownloadTimeout, _options.FrameTimeout }.Min().Ticks;
        var tick = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond * 50, shortest / 4));
        long lastPing = Stopwatch.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(tick, stoppingToken).ConfigureAwait(false);
            bool pingNow = Stopwatch.GetElapsedTime(lastPing) >= _options.PingInterval;
            if (pingNow)
                lastPing = Stopwatch.GetTimestamp();
            foreach (var staller in _sync.Stalled(_options.BlockDownloadTimeout))
            {
                Log.PeerDisconnected(_logger, staller.ToString(), "block download stalled");
                staller.Abort();
            }
            foreach (var peer in _all.Keys.Where(p => p.IsStalledMidFrame(_options.FrameTimeout)))
                Misbehaving(peer, MisbehaviourReason.TruncatedFrame, $"no byte of the rest of a frame for {_options.FrameTimeout.TotalSeconds:0.#} s");
            foreach (var peer in _peers.Keys)
            {
                if (Stopwatch.GetElapsedTime(peer.LastReceived) > _options.IdleTimeout)
                {
                    Log.PeerDisconnected(_logger, peer.ToString(), "idle");
                    peer.Disconnect();
                }
                else if (pingNow)
                {
                    peer.Ping();
                }
            }
        }
    }
}
