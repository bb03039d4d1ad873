using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;

namespace Antimony.Primitives.Signing;

/// <summary>
/// Checks that inputs' witnesses authorise spending their outputs, by the spent output's type: P2TR key path
/// (<see cref="TaprootKeySpend"/>) or P2WPKH (<see cref="P2wpkhSpend"/>). Other output types are not spendable
/// by signature and fail with <see cref="SpendError.UnsupportedOutputType"/>.
/// </summary>
/// <remarks>
/// Verification has two stages: the structural rules and the signature hash (<see cref="TryGetCheck"/>, cheap,
/// O(1) per input with a <see cref="SigHashCache"/>), then the elliptic-curve work, which an
/// <see cref="ISignatureVerifier"/> can batch and spread over cores (<see cref="VerifyAll(Transaction, IReadOnlyList{TxOut}, ISignatureVerifier, out int, out SpendError)"/>).
/// </remarks>
public static class InputVerifier
{
    /// <summary>Verifies input <paramref name="inputIndex"/> of the cached transaction with the witness it carries.</summary>
    public static bool Verify(SigHashCache cache, int inputIndex, out SpendError error) =>
        TryGetCheck(cache, inputIndex, out var check, out error)
        && (((ISignatureVerifier)BouncyCastleSignatureVerifier.Instance).Verify(check) || Fail(SpendError.InvalidSignature, out error));

    /// <summary>
    /// The signature check input <paramref name="inputIndex"/>'s witness must pass, after every other rule of its
    /// output type has been applied; false with the broken rule otherwise.
    /// </summary>
    public static bool TryGetCheck(SigHashCache cache, int inputIndex, out SignatureCheck check, out SpendError error)
    {
        ArgumentNullException.ThrowIfNull(cache);
        check = default;
        if ((uint)inputIndex >= (uint)cache.Transaction.Inputs.Length)
            return Fail(SpendError.InputIndexOutOfRange, out error);
        var witness = cache.Transaction.Inputs[inputIndex].Witness;
        switch (ScriptPubKey.Classify(cache.SpentOutputs[inputIndex].ScriptPubKey.Span))
        {
            case OutputType.P2tr:
                return TaprootKeySpend.TryGetCheck(cache, inputIndex, witness, out check, out error);
            case OutputType.P2wpkh:
                return P2wpkhSpend.TryGetCheck(cache, inputIndex, witness, out check, out error);
            default:
                return Fail(SpendError.UnsupportedOutputType, out error);
        }
    }

    /// <summary>Verifies every input with <see cref="BouncyCastleSignatureVerifier"/>; see the overload taking a verifier.</summary>
    /// <exception cref="ArgumentException">The number of spent outputs differs from the number of inputs.</exception>
    public static bool VerifyAll(Transaction transaction, IReadOnlyList<TxOut> spentOutputs, out int failedInput, out SpendError error) =>
        VerifyAll(transaction, spentOutputs, BouncyCastleSignatureVerifier.Instance, out failedInput, out error);

    /// <summary>
    /// Verifies every input of <paramref name="transaction"/>: all structural rules first (hashing O(n) in total),
    /// then all signatures in one <see cref="ISignatureVerifier.VerifyBatch(ReadOnlySpan{SignatureCheck}, out int)"/>.
    /// On failure reports the first failing input (a broken rule before any signature is checked).
    /// </summary>
    /// <exception cref="ArgumentException">The number of spent outputs differs from the number of inputs.</exception>
    public static bool VerifyAll(Transaction transaction, IReadOnlyList<TxOut> spentOutputs, ISignatureVerifier verifier, out int failedInput, out SpendError error)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        var cache = new SigHashCache(transaction, spentOutputs);
        var checks = new SignatureCheck[transaction.Inputs.Length];
        for (int i = 0; i < checks.Length; i++)
        {
            if (!TryGetCheck(cache, i, out checks[i], out error))
            {
                failedInput = i;
                return false;
            }
        }
        // One check per input, in input order, so the verifier's failing index is the input's.
        if (!verifier.VerifyBatch(checks, out failedInput))
            return Fail(SpendError.InvalidSignature, out error);
        failedInput = -1;
        error = SpendError.None;
        return true;
    }

    private static bool Fail(SpendError reason, out SpendError error)
    {
        error = reason;
        return false;
    }
}
