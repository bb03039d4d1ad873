using Antimony.Primitives.Addresses;
using Antimony.Primitives.Keys;
using Antimony.Primitives.Scripts;
using Antimony.Wallet.Keys;

namespace Antimony.Wallet.Accounts;

/// <summary>
/// One BIP86 key of an account: the derived (internal) key, the BIP341 output key without script tree, and
/// the P2TR script and address that pay it.
/// </summary>
public sealed class TaprootAddressKey
{
    internal TaprootAddressKey(KeyPath path, PrivateKey? privateKey, XOnlyPublicKey internalKey, string hrp)
    {
        Path = path;
        PrivateKey = privateKey;
        InternalKey = internalKey;
        // BIP86: Q = P + int(hashTapTweak(bytes(P)))G, i.e. BIP341's tweak with no script tree.
        OutputKey = internalKey.Tweak(null);
        ScriptPubKey = ScriptPubKey.P2tr(OutputKey.Key.Bytes);
        Address = new SegwitAddress(hrp, 1, OutputKey.Key.Bytes);
    }

    /// <summary>The full derivation path (m/86'/coin'/account'/change/index).</summary>
    public KeyPath Path { get; }

    /// <summary>The derived secret key — the internal key's secret, which signs key-path spends (null for watch-only accounts).</summary>
    public PrivateKey? PrivateKey { get; }

    /// <summary>The internal key P (x-only).</summary>
    public XOnlyPublicKey InternalKey { get; }

    /// <summary>The output key Q the script commits to.</summary>
    public TaprootOutputKey OutputKey { get; }

    /// <summary><c>OP_1 &lt;Q&gt;</c>.</summary>
    public ScriptPubKey ScriptPubKey { get; }

    /// <summary>The bech32m address of <see cref="ScriptPubKey"/> with the network's HRP.</summary>
    public SegwitAddress Address { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Path} {Address}";
}
