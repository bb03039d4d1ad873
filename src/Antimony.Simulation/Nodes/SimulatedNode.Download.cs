using Antimony.Consensus.Chain;
using Antimony.P2P.Messages;
using Antimony.Primitives.Blocks;

namespace Antimony.Simulation.Nodes;

// BlockDownload's policy: the missing blocks of a peer's best header chain from the fork with our tip, at most a
// window per peer, each block from one peer at a time. A block stays "in flight" until it is validated (the real
// node validates inline in the peer's loop, so the difference is only the modelled validation time).
internal sealed partial class SimulatedNode
{
    // P2P's BlockDownloadWindow default and BlockDownload's scan limit.
    private const int Window = 128;
    private const int ScanLimit = 4_096;
    private readonly Dictionary<BlockHash, PeerLink> _inFlight = [];

    private void Request(PeerLink link)
    {
        var best = link.BestKnown;
        if (best is null || best.IsInvalid || link.BlocksInFlight >= Window)
            return;
        var fork = Chain.Tip;
        while (fork.Height > best.Height || !ReferenceEquals(best.GetAncestor(fork.Height), fork))
            fork = fork.Previous!;
        int last = Math.Min(best.Height, fork.Height + ScanLimit);
        List<InventoryVector>? wanted = null;
        for (int height = fork.Height + 1; height <= last && link.BlocksInFlight < Window; height++)
        {
            var entry = best.GetAncestor(height)!;
            if ((entry.Status & BlockStatus.HasData) != 0 || _inFlight.ContainsKey(entry.Hash))
                continue;
            if (entry.IsInvalid)
                break;
            _inFlight[entry.Hash] = link;
            link.BlocksInFlight++;
            (wanted ??= []).Add(new InventoryVector(InventoryType.WitnessBlock, entry.Hash.Value));
        }
        if (wanted is not null)
            Send(link, new GetDataMessage([.. wanted]));
    }

    private void Received(BlockHash hash, PeerLink link)
    {
        if (_inFlight.TryGetValue(hash, out var owner) && ReferenceEquals(owner, link))
        {
            _inFlight.Remove(hash);
            link.BlocksInFlight--;
        }
    }

    private void Release(PeerLink link)
    {
        foreach (var (hash, owner) in _inFlight)
        {
            if (ReferenceEquals(owner, link))
                _inFlight.Remove(hash);
        }
        link.BlocksInFlight = 0;
    }
}
