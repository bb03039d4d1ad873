using Antimony.Primitives.Networks;

namespace Antimony.Wallet.Accounts;

/// <summary>
/// BIP44 coin types (the second level of m/86'/coin'/...). Test networks use SLIP-44's shared 1 so a test
/// wallet can never derive a main-network key; mainnet uses <see cref="AntimonyMainnet"/>.
/// </summary>
public static class CoinTypes
{
    /// <summary>SLIP-44's coin type for all test networks (Antimony's testnet, regtest and devnet).</summary>
    public const uint Testnet = 1;

    /// <summary>Bitcoin's coin type (for BIP86's own test vectors and interoperability checks).</summary>
    public const uint Bitcoin = 0;

    /// <summary>
    /// Antimony mainnet's coin type: 5151, the mainnet's P2P port, chosen as a memorable constant while Antimony
    /// has no SLIP-44 registration. It is fixed so a phrase restores the same keys in every Antimony wallet.
    /// </summary>
    public const uint AntimonyMainnet = 5151;

    /// <summary>The coin type Antimony's wallets use on <paramref name="network"/>.</summary>
    public static uint For(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return network.Name == Network.Mainnet.Name ? AntimonyMainnet : Testnet;
    }
}
