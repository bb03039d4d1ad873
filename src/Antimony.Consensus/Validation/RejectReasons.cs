namespace Antimony.Consensus.Validation;

/// <summary>
/// The well-known reject reasons of Antimony's built-in rules. Codes follow Bitcoin Core's reject strings
/// where Core has one, so operators and tools recognise them; the Antimony-only ones are documented here.
/// </summary>
public static class RejectReasons
{
    // Header rules

    /// <summary><c>high-hash</c>: The header's hash is above its target, or its bits do not decode to a positive target within the network's proof-of-work limit.</summary>
    public static RejectReason HighHash { get; } = new("high-hash", RejectCategory.Invalid);

    /// <summary><c>bad-diffbits</c>: The header's bits differ from what the difficulty algorithm requires after its parent.</summary>
    public static RejectReason BadDiffBits { get; } = new("bad-diffbits", RejectCategory.Invalid);

    /// <summary><c>time-too-old</c>: The header's time is not after the median time of the previous 11 blocks.</summary>
    public static RejectReason TimeTooOld { get; } = new("time-too-old", RejectCategory.Invalid);

    /// <summary><c>time-too-new</c>: The header's time is more than the allowed drift ahead of the node's clock; it may become acceptable later.</summary>
    public static RejectReason TimeTooNew { get; } = new("time-too-new", RejectCategory.Premature);

    /// <summary><c>bad-version</c>: The header's version is below the network's minimum (BIP34, BIP66 and BIP65 are active from genesis).</summary>
    public static RejectReason BadVersion { get; } = new("bad-version", RejectCategory.Invalid);

    /// <summary><c>prev-blk-not-found</c>: The previous block is not known to this node.</summary>
    public static RejectReason PreviousBlockNotFound { get; } = new("prev-blk-not-found", RejectCategory.MissingContext);

    /// <summary><c>bad-prevblk</c>: The previous block is known to be invalid, so this one is too.</summary>
    public static RejectReason BadPreviousBlock { get; } = new("bad-prevblk", RejectCategory.Invalid);

    /// <summary><c>duplicate</c>: The block is already known and stored or connected; nothing was done.</summary>
    public static RejectReason Duplicate { get; } = new("duplicate", RejectCategory.Invalid);

    // Block rules

    /// <summary><c>bad-blk-weight</c>: The block's weight exceeds the network's maximum.</summary>
    public static RejectReason BadBlockWeight { get; } = new("bad-blk-weight", RejectCategory.Invalid);

    /// <summary><c>bad-txnmrklroot</c>: The transactions do not hash to the header's merkle root.</summary>
    public static RejectReason BadMerkleRoot { get; } = new("bad-txnmrklroot", RejectCategory.Mutated);

    /// <summary><c>bad-txns-duplicate</c>: The transaction list could be mutated by duplication without changing the merkle root (CVE-2012-2459).</summary>
    public static RejectReason DuplicateTransactions { get; } = new("bad-txns-duplicate", RejectCategory.Mutated);

    /// <summary><c>bad-cb-missing</c>: The first transaction is not a coinbase (or the block has none).</summary>
    public static RejectReason CoinbaseMissing { get; } = new("bad-cb-missing", RejectCategory.Invalid);

    /// <summary><c>bad-cb-multiple</c>: A transaction other than the first is a coinbase.</summary>
    public static RejectReason CoinbaseMultiple { get; } = new("bad-cb-multiple", RejectCategory.Invalid);

    /// <summary><c>bad-cb-height</c>: The coinbase's script does not start with the block height as BIP34 requires.</summary>
    public static RejectReason CoinbaseHeight { get; } = new("bad-cb-height", RejectCategory.Invalid);

    /// <summary><c>bad-witness-merkle-match</c>: The BIP141 witness commitment does not match the block's witness merkle root.</summary>
    public static RejectReason WitnessMerkleMatch { get; } = new("bad-witness-merkle-match", RejectCategory.Mutated);

    /// <summary><c>bad-witness-nonce-size</c>: A BIP141 commitment is present but the coinbase witness is not exactly one 32-byte reserved value.</summary>
    public static RejectReason WitnessNonceSize { get; } = new("bad-witness-nonce-size", RejectCategory.Mutated);

    /// <summary><c>unexpected-witness</c>: A transaction carries witness data but the block has no witness commitment.</summary>
    public static RejectReason UnexpectedWitness { get; } = new("unexpected-witness", RejectCategory.Mutated);

    /// <summary><c>bad-cb-amount</c>: The coinbase pays more than the block subsidy plus the block's fees.</summary>
    public static RejectReason CoinbaseAmount { get; } = new("bad-cb-amount", RejectCategory.Invalid);

    /// <summary><c>bad-txns-accumulated-fee-outofrange</c>: The sum of the block's fees leaves the money range.</summary>
    public static RejectReason AccumulatedFeeOutOfRange { get; } = new("bad-txns-accumulated-fee-outofrange", RejectCategory.Invalid);

    /// <summary><c>bad-txns-nonfinal</c>: A transaction's lock time (height, or time against the median time past) has not passed.</summary>
    public static RejectReason NonFinal { get; } = new("bad-txns-nonfinal", RejectCategory.Invalid);

    /// <summary><c>bad-txns-BIP30</c>: A transaction would create an output that already exists unspent (BIP30).</summary>
    public static RejectReason OverwritesUnspentCoin { get; } = new("bad-txns-BIP30", RejectCategory.Invalid);

    // Transaction rules (context-free)

    /// <summary><c>bad-txns-vin-empty</c>: The transaction has no inputs.</summary>
    public static RejectReason InputsEmpty { get; } = new("bad-txns-vin-empty", RejectCategory.Invalid);

    /// <summary><c>bad-txns-vout-empty</c>: The transaction has no outputs.</summary>
    public static RejectReason OutputsEmpty { get; } = new("bad-txns-vout-empty", RejectCategory.Invalid);

    /// <summary><c>bad-txns-oversize</c>: The transaction without witness, weighted by four, exceeds the maximum block weight.</summary>
    public static RejectReason Oversize { get; } = new("bad-txns-oversize", RejectCategory.Invalid);

    /// <summary><c>bad-txns-vout-negative</c>: An output's value is negative.</summary>
    public static RejectReason OutputNegative { get; } = new("bad-txns-vout-negative", RejectCategory.Invalid);

    /// <summary><c>bad-txns-vout-toolarge</c>: An output's value exceeds the maximum amount of money.</summary>
    public static RejectReason OutputTooLarge { get; } = new("bad-txns-vout-toolarge", RejectCategory.Invalid);

    /// <summary><c>bad-txns-txouttotal-toolarge</c>: The outputs' total exceeds the maximum amount of money.</summary>
    public static RejectReason OutputTotalTooLarge { get; } = new("bad-txns-txouttotal-toolarge", RejectCategory.Invalid);

    /// <summary><c>bad-txns-inputs-duplicate</c>: Two inputs spend the same outpoint.</summary>
    public static RejectReason DuplicateInputs { get; } = new("bad-txns-inputs-duplicate", RejectCategory.Invalid);

    /// <summary><c>bad-cb-length</c>: The coinbase's script is shorter than 2 or longer than 100 bytes.</summary>
    public static RejectReason CoinbaseLength { get; } = new("bad-cb-length", RejectCategory.Invalid);

    /// <summary><c>bad-txns-prevout-null</c>: A non-coinbase transaction has an input with the null outpoint.</summary>
    public static RejectReason PrevoutNull { get; } = new("bad-txns-prevout-null", RejectCategory.Invalid);

    /// <summary><c>bad-txns-output-type</c>: An output's script is none of the network's registered output types.</summary>
    public static RejectReason OutputType { get; } = new("bad-txns-output-type", RejectCategory.Invalid);

    /// <summary><c>bad-txns-data-value</c>: A data (OP_RETURN) output carries a non-zero value.</summary>
    public static RejectReason DataOutputValue { get; } = new("bad-txns-data-value", RejectCategory.Invalid);

    /// <summary><c>bad-txns-scriptsig-not-empty</c>: A non-coinbase input has a non-empty scriptSig; Antimony spends only through witnesses.</summary>
    public static RejectReason ScriptSigNotEmpty { get; } = new("bad-txns-scriptsig-not-empty", RejectCategory.Invalid);

    // Transaction rules (against the coins)

    /// <summary><c>bad-txns-inputs-missingorspent</c>: An input spends an output that does not exist or is already spent.</summary>
    public static RejectReason InputsMissingOrSpent { get; } = new("bad-txns-inputs-missingorspent", RejectCategory.Invalid);

    /// <summary><c>bad-txns-premature-spend-of-coinbase</c>: An input spends a coinbase output before it matured.</summary>
    public static RejectReason PrematureCoinbaseSpend { get; } = new("bad-txns-premature-spend-of-coinbase", RejectCategory.Invalid);

    /// <summary><c>bad-txns-in-belowout</c>: The inputs are worth less than the outputs.</summary>
    public static RejectReason InputsBelowOutputs { get; } = new("bad-txns-in-belowout", RejectCategory.Invalid);

    /// <summary><c>bad-txns-inputvalues-outofrange</c>: A spent value or the inputs' total leaves the money range.</summary>
    public static RejectReason InputValuesOutOfRange { get; } = new("bad-txns-inputvalues-outofrange", RejectCategory.Invalid);

    /// <summary><c>bad-witness</c>: An input's witness does not have the shape its output type requires (item count, sizes, key hash).</summary>
    public static RejectReason BadWitness { get; } = new("bad-witness", RejectCategory.Invalid);

    /// <summary><c>mandatory-script-verify-flag-failed</c>: An input's signature does not verify.</summary>
    public static RejectReason SignatureFailed { get; } = new("mandatory-script-verify-flag-failed", RejectCategory.Invalid);
}
