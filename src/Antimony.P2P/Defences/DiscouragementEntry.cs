using System.Net;

namespace Antimony.P2P.Defences;

/// <summary>A discouraged address: the misbehaviour that got it there (the latest, if several) and when it is forgiven.</summary>
/// <param name="Address">The address (IPv4-mapped addresses are kept as IPv4).</param>
/// <param name="Reason">What the peer did.</param>
/// <param name="Expiry">When the discouragement ends.</param>
public readonly record struct DiscouragementEntry(IPAddress Address, MisbehaviourReason Reason, DateTimeOffset Expiry);
