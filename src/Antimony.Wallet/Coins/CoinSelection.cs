using Antimony.Primitives.Amounts;

namespace Antimony.Wallet.Coins;

/// <summary>
/// The result of <see cref="CoinSelector"/>: the inputs to spend, the fee and the change. The inputs' total is
/// exactly payments + <see cref="Fee"/> + <see cref="Change"/>; <see cref="Change"/> is zero or at least the dust threshold.
/// </summary>
/// <param name="Inputs">The coins to spend.</param>
/// <param name="Fee">The fee the transaction pays (at least the fee rate times its virtual size).</param>
/// <param name="Change">The change output's value; zero when there is no change output.</param>
/// <param name="VirtualSize">The signed transaction's virtual size.</param>
/// <param name="Algorithm">The strategy that found the inputs.</param>
public sealed record CoinSelection(IReadOnlyList<SpendableCoin> Inputs, Money Fee, Money Change, int VirtualSize, CoinSelectionAlgorithm Algorithm)
{
    /// <summary>Whether the transaction has a change output.</summary>
    public bool HasChange => Change > Money.Zero;

    /// <summary>The inputs' total value.</summary>
    public Money InputTotal => Money.Sum(Inputs.Select(c => c.Output.Value));
}
