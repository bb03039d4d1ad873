using Antimony.Consensus.Chain;
using Antimony.Primitives.Blocks;

namespace Antimony.Simulation.Nodes;

/// <summary>
/// One node's side of a connection: what the real <c>Peer</c> tracks for sync and relay (known inventory, the
/// peer's best known header, blocks in flight) plus the link's one-way propagation delay.
/// </summary>
internal sealed class PeerLink(SimulatedNode remote, long latencyTicks)
{
    /// <summary>The node at the other end.</summary>
    public SimulatedNode Remote { get; } = remote;

    /// <summary>The index of the reverse link in <see cref="Remote"/>'s peer list (set once both sides exist).</summary>
    public int RemoteIndex { get; set; }

    /// <summary>One-way propagation delay in ticks.</summary>
    public long LatencyTicks { get; } = latencyTicks;

    /// <summary>When the last frame sent over this link arrives (ticks): later frames never arrive earlier.</summary>
    public long LastArrival { get; set; }

    /// <summary>Blocks the peer is known to have or to have been told about (suppresses re-announcements).</summary>
    public HashSet<BlockHash> Known { get; } = [];

    /// <summary>The most-work header the peer has shown us, in our own header tree.</summary>
    public ChainEntry? BestKnown { get; set; }

    /// <summary>Blocks requested from this peer and not yet validated.</summary>
    public int BlocksInFlight { get; set; }

    /// <summary>Consecutive <c>headers</c> messages that did not connect (Bitcoin Core's limit is 10).</summary>
    public int UnconnectingHeaders { get; set; }
}
