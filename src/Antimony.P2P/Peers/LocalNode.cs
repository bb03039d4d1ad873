using System.Collections.Concurrent;
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
