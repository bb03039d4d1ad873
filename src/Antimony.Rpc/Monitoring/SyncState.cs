using Antimony.Consensus.Chain;
using Antimony.P2P.Connections;
using Microsoft.Extensions.Options;

namespace Antimony.Rpc.Monitoring;

/// <summary>
/// Whether the node has caught up: its tip is younger than <see cref="MonitoringOptions.MaxTipAge"/> and no
/// connected peer is known to have a longer chain. Used by the "synced" health check and <c>/status</c>'s
/// <c>initialBlockDownload</c> and <c>headers</c>.
/// </summary>
public sealed class SyncState(ChainState chain, TimeProvider time, IOptions<MonitoringOptions> options, PeerNetwork? network = null)
{
    /// <summary>The chain state followed.</summary>
    public ChainState Chain => chain;

    /// <summary>How old the tip's header time is.</summary>
    public TimeSpan TipAge => time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(chain.Tip.Header.Time);

    /// <summary>The highest header height known: the tip's, or a connected peer's best if higher.</summary>
    public int BestHeaderHeight
    {
        get
        {
            int best = chain.Tip.Height;
            if (network is not null)
            {
                foreach (var peer in network.Peers)
                    best = Math.Max(best, peer.BestKnown?.Height ?? 0);
            }
            return best;
        }
    }

    /// <summary>Whether the tip is recent and no peer is known to be ahead.</summary>
    public bool IsSynced => TipAge <= options.Value.MaxTipAge && BestHeaderHeight <= chain.Tip.Height;

    /// <summary>Whether the node is still catching up (Bitcoin Core's <c>initialblockdownload</c>).</summary>
    public bool InitialBlockDownload => TipAge > options.Value.MaxTipAge;
}
