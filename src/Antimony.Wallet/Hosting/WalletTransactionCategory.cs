namespace Antimony.Wallet.Hosting;

/// <summary>The kind of a <see cref="WalletTransactionRecord"/>, named as Bitcoin Core's <c>listtransactions</c> names them.</summary>
public enum WalletTransactionCategory
{
    /// <summary>An output the wallet paid to someone (amount negative).</summary>
    Send,

    /// <summary>An output paid to one of the wallet's receive addresses.</summary>
    Receive,

    /// <summary>A mature coinbase output to the wallet.</summary>
    Generate,

    /// <summary>A coinbase output to the wallet that is not yet mature.</summary>
    Immature,

    /// <summary>A coinbase output whose block left the active chain.</summary>
    Orphan,
}
