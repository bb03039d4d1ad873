namespace Antimony.Wallet.Coins;

/// <summary>Why <see cref="CoinSelector"/> could not pay.</summary>
public enum CoinSelectionError
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The coins, less the fee to spend them, do not cover the payments and the transaction's fee.</summary>
    InsufficientFunds,

    /// <summary>No payments, a payment of zero or less, or one below the dust threshold (the mempool would refuse it).</summary>
    InvalidAmount,
}
