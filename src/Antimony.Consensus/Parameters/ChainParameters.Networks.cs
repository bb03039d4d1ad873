using Antimony.Consensus.Difficulty;
using Antimony.Primitives.Networks;

namespace Antimony.Consensus.Parameters;

// The built-in networks (PROTOCOL.md, "Consensus parameters"). Genesis nonces were found once with an
// offline scalar search and are pinned; tests rebuild each genesis and compare with the pinned hash.
public sealed partial record ChainParameters
{
    /// <summary>
    /// The proof-of-work limit of mainnet, testnet and devnet: 0x1e008000 = 2^231, about 2^25 hashes a
    /// block, roughly a second for one core running the SIMD miner (~30 M hashes/s).
    /// </summary>
    public const uint StandardPowLimitBits = 0x1e008000;

    /// <summary>Regtest's limit, Bitcoin regtest's 0x207fffff: about two hashes a block.</summary>
    public const uint RegtestPowLimitBits = 0x207fffff;

    /// <summary>The production network.</summary>
    public static ChainParameters Mainnet { get; } = new()
    {
        Network = Network.Mainnet,
        PowLimitBits = new(StandardPowLimitBits),
        Genesis = new GenesisParameters("Antimony mainnet 2026-01-01: one chain, twelve seconds at a time", 1767225600, new(StandardPowLimitBits), MainnetNonce),
    };

    /// <summary>The public test network: mainnet's rules with its own genesis.</summary>
    public static ChainParameters Testnet { get; } = Mainnet with
    {
        Network = Network.Testnet,
        Genesis = new GenesisParameters("Antimony testnet 2026-01-01: break things here, not on mainnet", 1767225612, new(StandardPowLimitBits), TestnetNonce),
    };

    /// <summary>The local regression-test network: no retarget, trivial work, halving every 150 blocks.</summary>
    public static ChainParameters Regtest { get; } = Mainnet with
    {
        Network = Network.Regtest,
        PowLimitBits = new(RegtestPowLimitBits),
        DifficultyAdjustment = DifficultyAdjustment.None,
        SubsidyHalvingInterval = 150,
        Genesis = new GenesisParameters("Antimony regtest: blocks on demand", 1767225624, new(RegtestPowLimitBits), RegtestNonce),
    };

    /// <summary>The network for local clusters: mainnet's retarget, 32 M weight units, coinbase maturity 10.</summary>
    public static ChainParameters Devnet { get; } = Mainnet with
    {
        Network = Network.Devnet,
        CoinbaseMaturity = 10,
        MaxBlockWeight = 32_000_000,
        Genesis = new GenesisParameters("Antimony devnet: big blocks for local clusters", 1767225636, new(StandardPowLimitBits), DevnetNonce),
    };

    private const uint MainnetNonce = 9490283;
    private const uint TestnetNonce = 16691644;
    private const uint RegtestNonce = 0;
    private const uint DevnetNonce = 17917984;
}
