namespace Antimony.Rpc.Methods.Network;

/// <summary>A peer's RPC id and when RPC first saw it (the stand-in for its connection time).</summary>
internal sealed record PeerIdentity(long Id, DateTimeOffset FirstSeen);
