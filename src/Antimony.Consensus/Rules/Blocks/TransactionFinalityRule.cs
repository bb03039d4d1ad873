using Antimony.Consensus.Validation;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Rules.Blocks;

/// <summary>
/// <c>bad-txns-nonfinal</c>: every transaction's lock time has passed (Bitcoin's <c>IsFinalTx</c>). A lock
/// time below 500,000,000 is a height compared with the block's height; otherwise a Unix time compared
/// with the median time past of the block's parent (BIP113). Inputs with the final sequence opt out.
/// Relative lock times (BIP68) are not part of Antimony v1 consensus.
/// </summary>
public sealed class TransactionFinalityRule : IBlockRule
{
    /// <summary>Lock times from here on are Unix times, below it heights.</summary>
    public const uint LockTimeThreshold = 500_000_000;

    /// <inheritdoc />
    public ValidationResult Check(in BlockContext context)
    {
        uint medianTimePast = context.Previous.GetMedianTimePast(context.Parameters.MedianTimeSpan);
        foreach (var transaction in context.Block.Transactions)
        {
            if (!IsFinal(transaction, context.Height, medianTimePast))
                return ValidationResult.Reject(RejectReasons.NonFinal, transaction.Txid.ToString());
        }
        return ValidationResult.Valid;
    }

    /// <summary>Whether <paramref name="transaction"/> may be included at <paramref name="height"/> after a block with <paramref name="medianTimePast"/>.</summary>
    public static bool IsFinal(Transaction transaction, int height, uint medianTimePast)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        uint lockTime = transaction.LockTime;
        if (lockTime == 0)
            return true;
        long cutoff = lockTime < LockTimeThreshold ? height : medianTimePast;
        if (lockTime < cutoff)
            return true;
        foreach (var input in transaction.Inputs)
        {
            if (input.Sequence != TxIn.SequenceFinal)
                return false;
        }
        return true;
    }
}
