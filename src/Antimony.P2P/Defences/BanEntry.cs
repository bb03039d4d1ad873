using System.Net;

namespace Antimony.P2P.Defences;

/// <summary>
/// One operator ban: a whole address (<see cref="Port"/> 0), or one node on a shared host identified by its
/// listen endpoint (the address and the listen port it advertises in <c>version</c>).
/// </summary>
/// <param name="Address">The banned address (IPv4-mapped addresses are kept as IPv4).</param>
/// <param name="Port">The banned node's listen port, or 0 for every port of the address.</param>
/// <param name="Created">When the ban was made.</param>
/// <param name="Expiry">When the ban ends.</param>
public readonly record struct BanEntry(IPAddress Address, int Port, DateTimeOffset Created, DateTimeOffset Expiry)
{
    /// <summary>Whether the ban names one endpoint rather than a whole address.</summary>
    public bool IsEndPoint => Port != 0;

    /// <summary>Whether the ban covers a peer at <paramref name="address"/> whose listen port is <paramref name="listenPort"/> (0 when unknown).</summary>
    public bool Covers(IPAddress address, int listenPort) => Address.Equals(address) && (Port == 0 || Port == listenPort);

    /// <summary>The address (<c>203.0.113.7</c>) or the endpoint (<c>127.0.0.1:20005</c>), as RPC's <c>listbanned</c> shows it.</summary>
    public override string ToString() => Port == 0 ? Address.ToString() : new IPEndPoint(Address, Port).ToString();
}
