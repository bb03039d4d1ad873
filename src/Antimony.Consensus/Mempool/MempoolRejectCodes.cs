namespace Antimony.Consensus.Mempool;

/// <summary>
/// The stable codes of the mempool's own refusals, Bitcoin Core's reject strings so operators and tools
/// recognise them. A transaction that breaks a consensus rule is refused with that rule's code instead
/// (<see cref="Validation.RejectReasons"/>), and <see cref="MempoolAcceptResult.IsConsensusViolation"/> is set.
/// </summary>
public static class MempoolRejectCodes
{
    /// <summary><c>txn-already-in-mempool</c>: the same transaction (by txid) is already pooled.</summary>
    public const string AlreadyInMempool = "txn-already-in-mempool";

    /// <summary><c>txn-same-nonwitness-data-in-mempool</c>: a transaction with the same txid but another witness is pooled.</summary>
    public const string SameNonWitnessDataInMempool = "txn-same-nonwitness-data-in-mempool";

    /// <summary><c>txn-already-known</c>: the transaction's outputs are already in the chain's coins (it is confirmed).</summary>
    public const string AlreadyKnown = "txn-already-known";

    /// <summary><c>txn-mempool-conflict</c>: it spends an output a pooled transaction spends and may not replace it.</summary>
    public const string MempoolConflict = "txn-mempool-conflict";

    /// <summary><c>insufficient fee</c>: as a replacement, it does not pay more (absolute and per byte) than what it replaces.</summary>
    public const string InsufficientFee = "insufficient fee";

    /// <summary><c>min relay fee not met</c>: its fee rate is below the minimum relay fee rate.</summary>
    public const string MinRelayFeeNotMet = "min relay fee not met";

    /// <summary><c>mempool min fee not met</c>: its fee rate is below the rolling minimum the pool raised when it was full.</summary>
    public const string MempoolMinFeeNotMet = "mempool min fee not met";

    /// <summary><c>mempool full</c>: making room for it would evict it (or a package it belongs to) first.</summary>
    public const string MempoolFull = "mempool full";

    /// <summary><c>too-long-mempool-chain</c>: it would exceed an ancestor or descendant count or size limit.</summary>
    public const string TooLongMempoolChain = "too-long-mempool-chain";

    /// <summary><c>too many potential replacements</c>: replacing would evict more than the allowed number of transactions.</summary>
    public const string TooManyReplacements = "too many potential replacements";

    /// <summary><c>replacement-adds-unconfirmed</c>: a replacement spends an unconfirmed output none of the replaced transactions spent.</summary>
    public const string ReplacementAddsUnconfirmed = "replacement-adds-unconfirmed";

    /// <summary><c>bad-txns-spends-conflicting-tx</c>: it spends an output of a transaction it would replace.</summary>
    public const string SpendsConflictingTransaction = "bad-txns-spends-conflicting-tx";

    /// <summary><c>bad-txns-inputs-missingorspent</c>: an input is unknown; the transaction went to the orphan pool (or was dropped if the orphan pool refused it).</summary>
    public const string MissingInputs = "bad-txns-inputs-missingorspent";

    /// <summary><c>coinbase</c>: a coinbase is only valid in a block.</summary>
    public const string Coinbase = "coinbase";

    /// <summary><c>non-final</c>: the lock time has not passed for the next block (it may become valid later).</summary>
    public const string NonFinal = "non-final";

    /// <summary><c>version</c>: the transaction version is not standard.</summary>
    public const string Version = "version";

    /// <summary><c>tx-size</c>: the transaction is heavier than the standard maximum weight.</summary>
    public const string TransactionSize = "tx-size";

    /// <summary><c>tx-size-small</c>: the transaction without witness is smaller than the standard minimum (CVE-2017-12842).</summary>
    public const string TransactionSizeSmall = "tx-size-small";

    /// <summary><c>scriptpubkey</c>: an output's type is valid but not relayed by this node's policy.</summary>
    public const string NonStandardScript = "scriptpubkey";

    /// <summary><c>dust</c>: an output is worth less than it costs to spend at the dust relay fee rate.</summary>
    public const string Dust = "dust";

    /// <summary><c>orphan-pool-full</c>: inputs are missing and the orphan pool would not hold the transaction (too large, or the pool is off).</summary>
    public const string OrphanRefused = "orphan-pool-full";
}
