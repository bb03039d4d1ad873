using Antimony.Primitives.Amounts;

namespace Antimony.Wallet.Coins;

/// <summary>A payment cannot be funded; <see cref="Error"/> says why.</summary>
public sealed class CoinSelectionException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public CoinSelectionException(CoinSelectionError error, Money available, Money required, string message) : base(message)
    {
        Error = error;
        Available = available;
        Required = required;
    }

    /// <summary>The reason.</summary>
    public CoinSelectionError Error { get; }

    /// <summary>The total value of the coins offered.</summary>
    public Money Available { get; }

    /// <summary>The payments plus the smallest fee they need (a lower bound when funds are insufficient).</summary>
    public Money Required { get; }
}
