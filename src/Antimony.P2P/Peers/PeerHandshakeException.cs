namespace Antimony.P2P.Peers;

/// <summary>The version/verack handshake did not complete (timeout, old version, self-connection, early close).</summary>
public sealed class PeerHandshakeException(string reason) : Exception(reason);
