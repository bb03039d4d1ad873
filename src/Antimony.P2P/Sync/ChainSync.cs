using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Antimony.Consensus.Chain;
using Antimony.Consensus.Events;
using Antimony.Consensus.Validation;
using Antimony.P2P.Defences;
using Antimony.P2P.Hosting;
using Antimony.P2P.Messages;
using Antimony.P2P.Peers;
using Antimony.Primitives.Blocks;

namespace Antimony.P2P.Sync;

/// <summary>
/// Headers-first sync and block relay: getheaders with the chain's locator, headers into
/// <see cref="ChainState"/>, blocks fetched through <see cref="BlockDownload"/>, and new tips announced only
/// after validation (headers to BIP130 peers, inv to the rest).
/// </summary>
internal sealed class ChainSync
{
    // Bitcoin Core's MAX_NUM_UNCONNECTING_HEADERS_MSGS and MAX_BLOCKS_TO_ANNOUNCE.
    private const int MaxUnconnectingHeaders = 10;
    private const int MaxBlocksToAnnounce = 8;
    private readonly ChainState _chain;
    private readonly BlockDownload _download;
    private readonly Func<IEnumerable<Peer>> _peers;
    private readonly PeerToPeerMetrics _metrics;
    private readonly ConcurrentDictionary<BlockHash, long> _firstSeen = new();

    public ChainSync(ChainState chain, IChainEvents events, Func<IEnumerable<Peer>> peers, PeerToPeerMetrics metrics, int window)
    {
        _chain = chain;
        _peers = peers;
        _metrics = metrics;
        _download = new BlockDownload(chain, window);
        events.TipChanged += OnTipChanged;
    }

    /// <summary>Starts a sync with a new peer.</summary>
    public void OnPeerReady(Peer peer) => peer.Post(Locator(default));

    /// <summary>Returns a departed peer's requested blocks to the queue and asks the others.</summary>
    public void OnPeerGone(Peer peer)
    {
        _download.Release(peer);
        foreach (var other in _peers())
            _download.Request(other);
    }

    /// <summary>Whether <paramref name="hash"/> was requested from <paramref name="peer"/> and not yet received.</summary>
    public bool IsRequestedFrom(Peer peer, BlockHash hash) => _download.IsRequestedFrom(hash, peer);

    /// <summary>Peers that did not deliver a requested block within <paramref name="timeout"/>.</summary>
    public List<Peer> Stalled(TimeSpan timeout) => _download.Stalled(timeout);

    /// <summary>Handles the sync and relay messages; throws <see cref="PeerMisbehaviourException"/> on misbehaviour.</summary>
    public async ValueTask<bool> HandleAsync(Peer peer, INetworkMessage message, CancellationToken cancellationToken)
    {
        switch (message)
        {
            case HeadersMessage headers:
                await OnHeadersAsync(peer, headers.Headers, cancellationToken).ConfigureAwait(false);
                return true;
            case BlockMessage block:
                await OnBlockAsync(peer, block.Block, cancellationToken).ConfigureAwait(false);
                return true;
            case GetHeadersMessage getHeaders:
                OnGetHeaders(peer, getHeaders);
                return true;
            case InvMessage inv:
                OnBlockInventory(peer, inv);
                return false; // transactions in the same inv go on to relay
            case GetDataMessage getData:
                await OnGetBlocksAsync(peer, getData, cancellationToken).ConfigureAwait(false);
                return false;
            case NotFoundMessage:
                _download.Release(peer);
                return false;
            default:
                return false;
        }
    }

    private async Task OnHeadersAsync(Peer peer, ImmutableArray<BlockHeader> headers, CancellationToken cancellationToken)
    {
        if (headers.IsEmpty)
            return;
        for (int i = 1; i < headers.Length; i++)
            if (headers[i].PreviousBlock != headers[i - 1].Hash)
                throw new PeerMisbehaviourException(MisbehaviourReason.NonContinuousHeaders, "non-continuous headers");
        if (!_chain.TryGetEntry(headers[0].PreviousBlock, out _))
        {
            if (++peer.UnconnectingHeaders > MaxUnconnectingHeaders)
                throw new PeerMisbehaviourException(MisbehaviourReason.UnconnectableHeaders, "too many unconnecting headers");
            peer.Post(Locator(default));
            return;
        }
        var result = await _chain.ProcessHeadersAsync(headers, cancellationToken).ConfigureAwait(false);
        if (!result.IsValid && result.Reason!.Value.Category is RejectCategory.Invalid)
            throw new PeerMisbehaviourException(MisbehaviourReason.InvalidHeader, $"invalid header: {result}");
        long now = Stopwatch.GetTimestamp();
        foreach (var header in headers)
        {
            peer.MarkKnown(header.Hash.Value);
            _firstSeen.TryAdd(header.Hash, now);
        }
        if (_chain.TryGetEntry(headers[^1].Hash, out var last) && !last.IsInvalid)
        {
            peer.UnconnectingHeaders = 0;
            if (peer.BestKnown is null || last.ChainWork > peer.BestKnown.ChainWork)
                peer.BestKnown = last;
        }
        // A full message means the peer has more: continue from its last header.
        if (headers.Length == HeadersMessage.MaxHeaders)
            peer.Post(new GetHeadersMessage(Messages.ProtocolVersion.Current, [headers[^1].Hash], default));
        _download.Request(peer);
    }

    private async Task OnBlockAsync(Peer peer, Block block, CancellationToken cancellationToken)
    {
        var hash = block.Hash;
        peer.MarkKnown(hash.Value);
        _download.Received(hash, peer);
        var result = await _chain.ProcessBlockAsync(block, cancellationToken).ConfigureAwait(false);
        if (result.Acceptance == BlockAcceptance.Rejected)
        {
            switch (result.Result.Reason!.Value.Category)
            {
                case RejectCategory.Invalid or RejectCategory.Mutated:
                    throw new PeerMisbehaviourException(MisbehaviourReason.InvalidBlock, $"invalid block {hash}: {result.Result}");
                case RejectCategory.MissingContext:
                    peer.Post(Locator(default)); // an unsolicited block on an unknown parent: fetch the headers
                    break;
            }
        }
        else if (result.Entry is { } entry && (peer.BestKnown is null || entry.ChainWork > peer.BestKnown.ChainWork))
        {
            peer.BestKnown = entry;
        }
        _download.Request(peer);
    }

    private void OnGetHeaders(Peer peer, GetHeadersMessage request)
    {
        var tip = _chain.Tip;
        ChainEntry start = _chain.Genesis;
        foreach (var hash in request.Locator)
        {
            if (_chain.TryGetEntry(hash, out var entry) && _chain.IsActive(entry))
            {
                start = entry;
                break;
            }
        }
        var headers = ImmutableArray.CreateBuilder<BlockHeader>();
        for (int height = start.Height + 1; height <= tip.Height && headers.Count < HeadersMessage.MaxHeaders; height++)
        {
            var entry = tip.GetAncestor(height)!;
            headers.Add(entry.Header);
            peer.MarkKnown(entry.Hash.Value);
            if (entry.Hash == request.StopHash)
                break;
        }
        peer.Post(new HeadersMessage(headers.DrainToImmutable()));
    }

    private void OnBlockInventory(Peer peer, InvMessage inv)
    {
        long now = Stopwatch.GetTimestamp();
        bool unknown = false;
        foreach (var item in inv.Entries)
        {
            if (item.Type is not (InventoryType.Block or InventoryType.WitnessBlock))
                continue;
            var hash = new BlockHash(item.Hash);
            peer.MarkKnown(item.Hash);
            _firstSeen.TryAdd(hash, now);
            if (!_chain.TryGetEntry(hash, out _))
                unknown = true;
        }
        // As Bitcoin Core does, an announced unknown block is fetched by asking for the headers up to it.
        if (unknown)
            peer.Post(Locator(default));
    }

    // Waits for room in the peer's send queue before each block, so a getdata of thousands of blocks from a peer
    // that does not read them holds at most the queue limit plus one block in memory.
    private async ValueTask OnGetBlocksAsync(Peer peer, GetDataMessage request, CancellationToken cancellationToken)
    {
        List<InventoryVector>? missing = null;
        foreach (var item in request.Entries)
        {
            if (item.Type is not (InventoryType.Block or InventoryType.WitnessBlock))
                continue;
            await peer.WaitForSendRoomAsync(cancellationToken).ConfigureAwait(false);
            if (_chain.TryGetBlock(new BlockHash(item.Hash), out var block))
                peer.Post(new BlockMessage(block));
            else
                (missing ??= []).Add(item);
        }
        if (missing is not null)
            peer.Post(new NotFoundMessage([.. missing]));
    }

    private void OnTipChanged(object? sender, TipChangedEventArgs e)
    {
        var connected = new List<ChainEntry>();
        for (var walk = e.NewTip; walk is not null && !ReferenceEquals(e.OldTip.GetAncestor(walk.Height), walk) && connected.Count <= MaxBlocksToAnnounce; walk = walk.Previous)
            connected.Add(walk);
        connected.Reverse();
        if (_firstSeen.TryRemove(e.NewTip.Hash, out long seen))
            _metrics.BlockPropagated(Stopwatch.GetElapsedTime(seen));
        foreach (var peer in _peers())
        {
            if (!peer.MarkKnown(e.NewTip.Hash.Value))
                continue;
            if (peer.PrefersHeaders && connected.Count <= MaxBlocksToAnnounce)
                peer.Post(new HeadersMessage([.. connected.Select(c => c.Header)]));
            else
                peer.Post(new InvMessage([new InventoryVector(InventoryType.Block, e.NewTip.Hash.Value)]));
        }
        foreach (var peer in _peers())
            _download.Request(peer);
    }

    private GetHeadersMessage Locator(BlockHash stop) => new(Messages.ProtocolVersion.Current, [.. _chain.GetLocator()], stop);
}
