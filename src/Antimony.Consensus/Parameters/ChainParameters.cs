using Antimony.Consensus.Difficulty;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Networks;
using Antimony.Primitives.Numerics;

namespace Antimony.Consensus.Parameters;

/// <summary>
/// A network's consensus parameters as plain data (btcd's <c>chaincfg.Params</c>). The four built-in
/// networks are static properties; a custom network is a <c>with</c> expression on one of them, e.g.
/// <c>ChainParameters.Regtest with { Network = myNetwork, CoinbaseMaturity = 5 }</c>.
/// </summary>
public sealed partial record ChainParameters
{
    /// <summary>The network's identity outside consensus: name, P2P magic, default ports, address prefix.</summary>
    public required Network Network { get; init; }

    /// <summary>The network's name ("mainnet", "testnet", "regtest", "devnet" or a custom one).</summary>
    public string Name => Network.Name;

    /// <summary>The genesis block's fields; see <see cref="CreateGenesisBlock"/>.</summary>
    public required GenesisParameters Genesis { get; init; }

    /// <summary>The easiest target allowed, in compact form; every block's target is at or below it.</summary>
    public required CompactTarget PowLimitBits { get; init; }

    /// <summary>How the network retargets.</summary>
    public DifficultyAdjustment DifficultyAdjustment { get; init; } = DifficultyAdjustment.Lwma1;

    /// <summary>The number of solve times LWMA-1 averages (N).</summary>
    public int LwmaWindow { get; init; } = 60;

    /// <summary>The intended time between blocks (T).</summary>
    public TimeSpan TargetSpacing { get; init; } = TimeSpan.FromSeconds(12);

    /// <summary>The subsidy of the first halving era.</summary>
    public Money InitialSubsidy { get; init; } = Money.FromCoins(50);

    /// <summary>The number of blocks between halvings.</summary>
    public int SubsidyHalvingInterval { get; init; } = 10_512_000;

    /// <summary>The number of confirmations a coinbase output needs before it can be spent.</summary>
    public int CoinbaseMaturity { get; init; } = 100;

    /// <summary>The maximum block weight (BIP141 weight units).</summary>
    public int MaxBlockWeight { get; init; } = 4_000_000;

    /// <summary>The number of previous blocks whose median time a new block must exceed.</summary>
    public int MedianTimeSpan { get; init; } = 11;

    /// <summary>How far ahead of the node's clock a header time may be.</summary>
    public TimeSpan MaxFutureBlockTime { get; init; } = TimeSpan.FromSeconds(180);

    /// <summary>
    /// The lowest header version accepted; 4 because BIP34, BIP66 and BIP65 (versions 2 to 4) are
    /// active from genesis.
    /// </summary>
    public int MinimumBlockVersion { get; init; } = 4;

    /// <summary>The proof-of-work limit as a 256-bit target.</summary>
    public UInt256 PowLimit => PowLimitBits.ToTarget();

    /// <summary>Builds the genesis block (a few microseconds; callers keep the result).</summary>
    public Block CreateGenesisBlock() => Genesis.CreateBlock();

    /// <summary>The block subsidy at <paramref name="height"/>: halved every <see cref="SubsidyHalvingInterval"/> blocks, zero after 63 halvings.</summary>
    public Money GetBlockSubsidy(int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        int halvings = height / SubsidyHalvingInterval;
        return halvings >= 64 ? Money.Zero : new Money(InitialSubsidy.Atoms >> halvings);
    }

    /// <summary>The network's name.</summary>
    public override string ToString() => Name;
}
