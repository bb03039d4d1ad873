using Antimony.Primitives.Amounts;

namespace Antimony.Wallet.Hosting;

/// <summary>
/// The wallet's money in three parts that add up to everything it owns: <see cref="Confirmed"/> (spendable, with at
/// least the asked-for confirmations), <see cref="Unconfirmed"/> (fewer confirmations) and <see cref="Immature"/>
/// (coinbase outputs not yet spendable under the network's coinbase maturity).
/// </summary>
/// <param name="Confirmed">Mature outputs with at least the minimum confirmations.</param>
/// <param name="Unconfirmed">Outputs with fewer confirmations (0 = in the mempool).</param>
/// <param name="Immature">Coinbase outputs still maturing.</param>
public readonly record struct WalletBalance(Money Confirmed, Money Unconfirmed, Money Immature)
{
    /// <summary>The sum of the three parts.</summary>
    public Money Total => Confirmed + Unconfirmed + Immature;
}
