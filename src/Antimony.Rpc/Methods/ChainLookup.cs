using Antimony.Consensus.Chain;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using Antimony.Rpc.Server;

namespace Antimony.Rpc.Methods;

/// <summary>Block lookups with Core's errors: -5 "Block not found", -1 when the header is known but its block is not stored.</summary>
internal static class ChainLookup
{
    public static ChainEntry GetEntry(ChainState chain, Hash256 hash) =>
        chain.TryGetEntry(new BlockHash(hash), out var entry) ? entry : throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "Block not found");

    public static Block GetBlock(ChainState chain, ChainEntry entry) =>
        chain.TryGetBlock(entry.Hash, out var block) ? block : throw new RpcException(RpcErrorCode.MiscError, "Block not available (not fully downloaded)");

    /// <summary>The highest header known: the tip's, or a connected peer's best if higher.</summary>
    public static int BestHeaderHeight(ChainState chain, P2P.Connections.PeerNetwork? network)
    {
        int best = chain.Tip.Height;
        if (network is not null)
        {
            foreach (var peer in network.Peers)
                best = Math.Max(best, peer.BestKnown?.Height ?? 0);
        }
        return best;
    }

    /// <summary>Core's <c>IsInitialBlockDownload</c> test on the tip: older than a day (and not on a test network with a fresh chain).</summary>
    public static bool IsInitialBlockDownload(ChainState chain, TimeProvider time) =>
        time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(chain.Tip.Header.Time) > TimeSpan.FromHours(24);
}
