using System.Collections.Concurrent;
using System.Net;
using Antimony.P2P.Messages;

namespace Antimony.P2P.Peers;

/// <summary>What this node says about itself in <c>version</c>, and the nonces it sent (for self-connection detection).</summary>
internal sealed class LocalNode(string userAgent)
{
    private readonly ConcurrentDictionary<ulong, byte> _nonces = new();

    /// <summary>The services this node offers: full blocks with witnesses.</summary>
    public static ServiceFlags Services => ServiceFlags.NodeNetwork | ServiceFlags.NodeWitness;

    /// <summary>The BIP14 user agent.</summary>
    public string UserAgent { get; } = userAgent;

    /// <summary>The endpoint this node listens on (port resolved), or null when it accepts no peers.</summary>
    public IPEndPoint? Listen { get; set; }

    /// <summary>
    /// The sender address of our <c>version</c> on <paramref name="connection"/>: the listen endpoint, with the
    /// connection's local address when listening on any address, so a peer on a shared host (every devnet node is
    /// on 127.0.0.1) can tell this node from the others by its port; without a listener, the unspecified address.
    /// </summary>
    public NetworkAddress SenderFor(EndPoint? connection)
    {
        if (Listen is not { } listen)
            return new NetworkAddress(Services, IPAddress.IPv6Any, 0);
        var address = listen.Address.Equals(IPAddress.Any) || listen.Address.Equals(IPAddress.IPv6Any)
            ? (connection as IPEndPoint)?.Address ?? listen.Address
            : listen.Address;
        return new NetworkAddress(Services, address, (ushort)listen.Port);
    }

    /// <summary>A fresh random nonce, remembered while its handshake runs.</summary>
    public ulong NewNonce()
    {
        ulong nonce = (ulong)Random.Shared.NextInt64() ^ ((ulong)Random.Shared.Next() << 63);
        _nonces[nonce] = 0;
        return nonce;
    }

    /// <summary>Forgets a nonce once its handshake ended.</summary>
    public void Release(ulong nonce) => _nonces.TryRemove(nonce, out _);

    /// <summary>Whether <paramref name="nonce"/> is one of ours: the connection loops back to this node.</summary>
    public bool IsOwn(ulong nonce) => _nonces.ContainsKey(nonce);
}
