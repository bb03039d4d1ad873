using Antimony.Consensus.Parameters;
using Antimony.Testing.Chains;

namespace Antimony.Storage.CrashHost;

/// <summary>
/// The deterministic chain the node crash test connects: regtest with a coinbase maturity of 5 so spends
/// start early, and from then on every block spending up to ten mature coins with signed P2TR spends.
/// The test regenerates it to know the exact coin set every height must have.
/// </summary>
public static class CrashChain
{
    /// <summary>The seed of the builder's keys.</summary>
    public const int Seed = 51;

    /// <summary>Regtest with coins maturing after 5 blocks.</summary>
    public static ChainParameters Parameters { get; } = ChainParameters.Regtest with { CoinbaseMaturity = 5 };

    /// <summary>The chain's blocks after genesis, without end.</summary>
    public static IEnumerable<BuiltBlock> Blocks(ChainBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var tip = builder.Genesis;
        while (true)
        {
            int spendable = builder.SpendableCoins(tip).Count;
            tip = builder.AddBlock(tip, builder.Spends(tip, Math.Min(10, spendable)));
            yield return tip;
        }
    }
}
