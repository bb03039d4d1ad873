using System.Diagnostics;
using Antimony.Consensus.Chain;
using Antimony.P2P.Messages;
using Antimony.P2P.Peers;
using Antimony.Primitives.Blocks;

namespace Antimony.P2P.Sync;

/// <summary>
/// Assigns missing blocks of the peers' best header chains to peers, at most a window per peer and each block
/// to one peer at a time, so a sync draws on every peer that has the blocks.
/// </summary>
internal sealed class BlockDownload(ChainState chain, int window)
{
    // How far past the fork point one scan looks; bounds the work per call.
    private const int ScanLimit = 4_096;
    private readonly Dictionary<BlockHash, (Peer Peer, long Requested)> _inFlight = [];
    private readonly Lock _lock = new();

    /// <summary>Requests from <paramref name="peer"/> the next blocks it has and nobody is fetching.</summary>
    public void Request(Peer peer)
    {
        var best = peer.BestKnown;
        if (best is null || best.IsInvalid)
            return;
        var wanted = new List<InventoryVector>();
        lock (_lock)
        {
            if (peer.BlocksInFlight >= window)
                return;
            var fork = chain.Tip;
            while (fork.Height > best.Height || !ReferenceEquals(best.GetAncestor(fork.Height), fork))
                fork = fork.Previous!;
            int last = Math.Min(best.Height, fork.Height + ScanLimit);
            for (int height = fork.Height + 1; height <= last && peer.BlocksInFlight < window; height++)
            {
                var entry = best.GetAncestor(height)!;
                if ((entry.Status & BlockStatus.HasData) != 0 || _inFlight.ContainsKey(entry.Hash))
                    continue;
                if (entry.IsInvalid)
                    break;
                _inFlight[entry.Hash] = (peer, Stopwatch.GetTimestamp());
                peer.BlocksInFlight++;
                wanted.Add(new InventoryVector(InventoryType.WitnessBlock, entry.Hash.Value));
            }
        }
        if (wanted.Count > 0)
            peer.Post(new GetDataMessage([.. wanted]));
    }

    /// <summary>Whether <paramref name="hash"/> is being fetched from <paramref name="peer"/> (so receiving it is not charged to the peer's rate limits).</summary>
    public bool IsRequestedFrom(BlockHash hash, Peer peer)
    {
        lock (_lock)
            return _inFlight.TryGetValue(hash, out var owner) && ReferenceEquals(owner.Peer, peer);
    }

    /// <summary>A block arrived from <paramref name="peer"/>: frees its slot if it was requested from that peer.</summary>
    public void Received(BlockHash hash, Peer peer)
    {
        lock (_lock)
        {
            if (_inFlight.TryGetValue(hash, out var owner) && ReferenceEquals(owner.Peer, peer))
            {
                _inFlight.Remove(hash);
                peer.BlocksInFlight--;
            }
        }
    }

    /// <summary>The peer left or answered notfound: its blocks go back to the queue.</summary>
    public void Release(Peer peer)
    {
        lock (_lock)
        {
            foreach (var hash in _inFlight.Where(e => ReferenceEquals(e.Value.Peer, peer)).Select(e => e.Key).ToList())
                _inFlight.Remove(hash);
            peer.BlocksInFlight = 0;
        }
    }

    /// <summary>Peers holding a requested block for longer than <paramref name="timeout"/> (stalling the sync).</summary>
    public List<Peer> Stalled(TimeSpan timeout)
    {
        lock (_lock)
            return [.. _inFlight.Values.Where(v => Stopwatch.GetElapsedTime(v.Requested) > timeout).Select(v => v.Peer).Distinct()];
    }
}
