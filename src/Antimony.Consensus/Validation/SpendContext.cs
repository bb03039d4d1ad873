using Antimony.Primitives.Signing;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Validation;

/// <summary>
/// One input to authorize: the spending transaction's signature-hash cache (which holds the transaction and
/// the outputs spent by all of its inputs, as BIP341 commits to all of them) and the input's index.
/// </summary>
/// <param name="SigHashes">The transaction's precomputed signature-hash data, shared by its inputs.</param>
/// <param name="InputIndex">The input to check.</param>
public readonly record struct SpendContext(SigHashCache SigHashes, int InputIndex)
{
    /// <summary>The spending transaction.</summary>
    public Transaction Transaction => SigHashes.Transaction;

    /// <summary>The input being checked.</summary>
    public TxIn Input => SigHashes.Transaction.Inputs[InputIndex];

    /// <summary>The output it spends.</summary>
    public TxOut SpentOutput => SigHashes.SpentOutputs[InputIndex];
}
