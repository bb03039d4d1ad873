namespace Antimony.Wallet.Hosting;

/// <summary>Why a <see cref="NodeWallet"/> operation failed (each maps to one Bitcoin Core RPC error code).</summary>
public enum WalletError
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The spendable coins do not cover the amount and fee (Core: -6).</summary>
    InsufficientFunds,

    /// <summary>The amount is zero, negative, dust or more than the money supply (Core: -3).</summary>
    InvalidAmount,

    /// <summary>The address belongs to another network (Core: -5).</summary>
    InvalidAddress,

    /// <summary>The mempool refused the transaction (Core: -26); <see cref="WalletException.RejectCode"/> has its reason.</summary>
    Rejected,

    /// <summary>The node runs without a mempool, so the wallet cannot send (Core: -4).</summary>
    NoMempool,
}
