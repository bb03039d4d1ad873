using System.Globalization;
using System.Net;
using Antimony.Rpc.Server;

namespace Antimony.Rpc.Methods.Network;

/// <summary>Parses the address arguments of the network methods: <c>ip</c>, <c>ip:port</c>, <c>[ipv6]:port</c>, or <c>ip/32</c> (<c>/128</c>) for one address.</summary>
internal static class NodeAddress
{
    /// <summary>An endpoint to dial, with the network's default port when none is given; -8 when it is not one.</summary>
    public static IPEndPoint ParseEndPoint(string text, int defaultPort)
    {
        if (IPAddress.TryParse(text, out var address))
            return new IPEndPoint(address, defaultPort);
        if (IPEndPoint.TryParse(text, out var endPoint) && endPoint.Port != 0)
            return endPoint;
        throw new RpcException(RpcErrorCode.InvalidParameter, $"Invalid node address '{text}': use ip or ip:port");
    }

    /// <summary>
    /// A ban target: a whole address (port 0) or one node's listen endpoint. Subnets other than a single address
    /// are not supported (-30, Core's invalid-subnet code).
    /// </summary>
    public static IPEndPoint ParseBanTarget(string text)
    {
        int slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            string mask = text[(slash + 1)..];
            if (!IPAddress.TryParse(text[..slash], out var masked) || mask != (masked.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "128" : "32"))
                throw new RpcException(RpcErrorCode.ClientInvalidIPOrSubnet, "Error: Invalid IP/Subnet (only single addresses and ip:port endpoints can be banned)");
            return new IPEndPoint(masked, 0);
        }
        if (IPAddress.TryParse(text, out var address))
            return new IPEndPoint(address, 0);
        if (IPEndPoint.TryParse(text, out var endPoint))
            return endPoint;
        throw new RpcException(RpcErrorCode.ClientInvalidIPOrSubnet, "Error: Invalid IP/Subnet");
    }

    /// <summary>How a ban is listed: <c>ip/32</c> (Core's subnet form) for a whole address, <c>ip:port</c> for an endpoint.</summary>
    public static string Format(IPAddress address, int port) =>
        port == 0
            ? $"{address}/{(address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32).ToString(CultureInfo.InvariantCulture)}"
            : new IPEndPoint(address, port).ToString();
}
