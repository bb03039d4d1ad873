using Antimony.Primitives.Addresses;
using Antimony.Primitives.Keys;
using Antimony.Primitives.Networks;
using Antimony.Primitives.Scripts;

namespace Antimony.Devnet.Funding;

/// <summary>
/// A key the tool holds in memory for one test: its P2TR key-path address (BIP86 style, no script tree) receives
/// mined coins and every transaction the test makes.
/// </summary>
internal sealed class DevnetKey
{
    private DevnetKey(PrivateKey key, Network network)
    {
        Key = key;
        Address = SegwitAddress.P2tr(key.XOnlyPublicKey.Tweak(merkleRoot: null).Key.Bytes, network);
        Script = Address.ToScript();
    }

    /// <summary>The internal private key (the signer tweaks it).</summary>
    public PrivateKey Key { get; }

    /// <summary>The P2TR address.</summary>
    public SegwitAddress Address { get; }

    /// <summary>The address's output script.</summary>
    public Script Script { get; }

    /// <summary>A fresh random key on <paramref name="network"/>.</summary>
    public static DevnetKey Generate(Network network) => new(PrivateKey.Generate(), network);
}
