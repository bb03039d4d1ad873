using System.Collections.Immutable;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Validation;

/// <summary>
/// One input to authorize: the spending transaction, the input's index and the outputs spent by all of
/// the transaction's inputs (BIP341's signature hash commits to all of them).
/// </summary>
/// <param name="Transaction">The spending transaction.</param>
/// <param name="InputIndex">The input to check.</param>
/// <param name="SpentOutputs">The output spent by each input, in input order.</param>
public readonly record struct SpendContext(Transaction Transaction, int InputIndex, ImmutableArray<TxOut> SpentOutputs)
{
    /// <summary>The input being checked.</summary>
    public TxIn Input => Transaction.Inputs[InputIndex];

    /// <summary>The output it spends.</summary>
    public TxOut SpentOutput => SpentOutputs[InputIndex];
}
