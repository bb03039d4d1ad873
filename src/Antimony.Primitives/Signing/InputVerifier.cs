using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;

namespace Antimony.Primitives.Signing;

/// <summary>
/// Checks that inputs' witnesses authorise spending their outputs, by the spent output's type: P2TR key path
/// (<see cref="TaprootKeySpend"/>) or P2WPKH (<see cref="P2wpkhSpend"/>). Other output types are not spendable
/// by signature and fail with <see cref="SpendError.UnsupportedOutputType"/>.
/// </summary>
public static class InputVerifier
{
    /// <summary>Verifies input <paramref name="inputIndex"/> of the cached transaction with the witness it carries.</summary>
    public static bool Verify(SigHashCache cache, int inputIndex, out SpendError error)
    {
        ArgumentNullException.ThrowIfNull(cache);
        if ((uint)inputIndex >= (uint)cache.Transaction.Inputs.Length)
        {
            error = SpendError.InputIndexOutOfRange;
            return false;
        }
        switch (ScriptPubKey.Classify(cache.SpentOutputs[inputIndex].ScriptPubKey.Span))
        {
            case OutputType.P2tr:
                return TaprootKeySpend.Verify(cache, inputIndex, out error);
            case OutputType.P2wpkh:
                return P2wpkhSpend.Verify(cache, inputIndex, out error);
            default:
                error = SpendError.UnsupportedOutputType;
                return false;
        }
    }

    /// <summary>
    /// Verifies every input of <paramref name="transaction"/>; on failure reports the first failing input.
    /// Hashing costs O(n) in total.
    /// </summary>
    /// <exception cref="ArgumentException">The number of spent outputs differs from the number of inputs.</exception>
    public static bool VerifyAll(Transaction transaction, IReadOnlyList<TxOut> spentOutputs, out int failedInput, out SpendError error)
    {
        var cache = new SigHashCache(transaction, spentOutputs);
        for (int i = 0; i < transaction.Inputs.Length; i++)
        {
            if (!Verify(cache, i, out error))
            {
                failedInput = i;
                return false;
            }
        }
        failedInput = -1;
        error = SpendError.None;
        return true;
    }
}
