using Antimony.Primitives.Networks;

namespace Antimony.Wallet.Keys;

/// <summary>
/// The 4-byte version prefixes of BIP32's serialisation, which make the Base58 strings start with
/// <c>xprv</c>/<c>xpub</c> (main network) or <c>tprv</c>/<c>tpub</c> (test networks).
/// </summary>
/// <param name="Private">The version of a private key (<c>0x0488ADE4</c> for xprv).</param>
/// <param name="Public">The version of a public key (<c>0x0488B21E</c> for xpub).</param>
public readonly record struct ExtendedKeyVersions(uint Private, uint Public)
{
    /// <summary>BIP32's main-network versions: xprv/xpub.</summary>
    public static ExtendedKeyVersions Main { get; } = new(0x0488_ADE4, 0x0488_B21E);

    /// <summary>BIP32's test-network versions: tprv/tpub.</summary>
    public static ExtendedKeyVersions Test { get; } = new(0x0435_8394, 0x0435_87CF);

    /// <summary>
    /// The versions Antimony uses on <paramref name="network"/>: Bitcoin's xprv/xpub on mainnet and tprv/tpub on every
    /// other network, so existing tools read the strings and a test key is never mistaken for a main-network one.
    /// </summary>
    public static ExtendedKeyVersions For(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return network.Name == Network.Mainnet.Name ? Main : Test;
    }

    /// <summary>Whether <paramref name="version"/> is one of Main's or Test's versions.</summary>
    internal static bool IsKnown(uint version) =>
        version == Main.Private || version == Main.Public || version == Test.Private || version == Test.Public;

    /// <summary>Whether <paramref name="version"/> is a known private-key version.</summary>
    internal static bool IsPrivate(uint version) => version == Main.Private || version == Test.Private;

    /// <summary>The pair <paramref name="version"/> belongs to.</summary>
    internal static ExtendedKeyVersions Of(uint version) => version == Main.Private || version == Main.Public ? Main : Test;
}
