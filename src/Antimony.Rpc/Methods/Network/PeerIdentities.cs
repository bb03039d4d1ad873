using System.Runtime.CompilerServices;
using Antimony.P2P.Peers;

namespace Antimony.Rpc.Methods.Network;

/// <summary>
/// Stable numeric ids for peers (Core's <c>id</c> in <c>getpeerinfo</c>, the <c>nodeid</c> of <c>disconnectnode</c>) and the
/// time RPC first saw each one, kept beside the peers without holding them alive.
/// </summary>
internal sealed class PeerIdentities(TimeProvider time)
{
    private readonly ConditionalWeakTable<Peer, PeerIdentity> _ids = [];
    private long _next;

    public PeerIdentity Of(Peer peer) =>
        _ids.GetValue(peer, _ => new PeerIdentity(Interlocked.Increment(ref _next) - 1, time.GetUtcNow()));
}
