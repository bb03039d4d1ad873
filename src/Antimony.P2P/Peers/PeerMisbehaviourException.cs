namespace Antimony.P2P.Peers;

/// <summary>A peer broke the protocol: it is disconnected at once and, unless allowed, discouraged.</summary>
public sealed class PeerMisbehaviourException(string reason) : Exception(reason)
{
    /// <summary>What the peer did.</summary>
    public string Reason => Message;
}
