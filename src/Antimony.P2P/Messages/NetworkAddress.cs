using System.Net;
using Antimony.Primitives.Serialization;

namespace Antimony.P2P.Messages;

/// <summary>
/// A peer's address as the version message carries it (no timestamp): services, an IPv6 address (IPv4 as
/// IPv4-mapped IPv6, ::ffff:a.b.c.d) and a big-endian port.
/// </summary>
/// <param name="Services">The services the address is believed to offer.</param>
/// <param name="Address">The IP address; IPv4 addresses come back as IPv4 after decoding.</param>
/// <param name="Port">The TCP port.</param>
public readonly record struct NetworkAddress(ServiceFlags Services, IPAddress Address, ushort Port)
{
    /// <summary>Encoded size: services (8) + address (16) + port (2).</summary>
    public const int Size = 26;

    /// <summary>Writes the address in Bitcoin's layout; a default (null) address is written as ::.</summary>
    public void Write(ref ConsensusWriter writer)
    {
        writer.WriteUInt64((ulong)Services);
        Span<byte> ip = stackalloc byte[16];
        var address = Address ?? IPAddress.IPv6Any;
        // IPv4 is mapped, so a peer reading 16 bytes gets ::ffff:a.b.c.d as Bitcoin Core writes it.
        if (!address.MapToIPv6().TryWriteBytes(ip, out _))
            ip.Clear();
        writer.WriteBytes(ip);
        writer.WriteUInt16BigEndian(Port);
    }

    /// <summary>Reads an address; IPv4-mapped IPv6 becomes a plain IPv4 address.</summary>
    public static NetworkAddress Read(ref ConsensusReader reader)
    {
        var services = (ServiceFlags)reader.ReadUInt64();
        var address = new IPAddress(reader.ReadBytes(16));
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        return new NetworkAddress(services, address, reader.ReadUInt16BigEndian());
    }

    /// <summary>The address as an endpoint.</summary>
    public IPEndPoint ToEndPoint() => new(Address ?? IPAddress.IPv6Any, Port);

    /// <summary>Endpoint and services, for logs.</summary>
    public override string ToString() => $"{ToEndPoint()} ({Services})";
}
