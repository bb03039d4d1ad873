using Antimony.Consensus.Validation;
using Antimony.Primitives.Signing;

namespace Antimony.Consensus.OutputTypes;

/// <summary>Maps the Primitives' spend errors to reject reasons: malformed witnesses versus spends that cannot verify.</summary>
internal static class SpendErrorReasons
{
    public static ValidationResult ToResult(SpendError error, int inputIndex) => error switch
    {
        SpendError.None => ValidationResult.Valid,
        // The output key is not on the curve, SIGHASH_SINGLE without its output, or a wrong signature:
        // the witness is well-formed but can never authorize the spend.
        SpendError.OutputKeyInvalid or SpendError.SingleWithoutOutput or SpendError.InvalidSignature =>
            ValidationResult.Reject(RejectReasons.SignatureFailed, $"input {inputIndex}: {error}"),
        _ => ValidationResult.Reject(RejectReasons.BadWitness, $"input {inputIndex}: {error}"),
    };
}
