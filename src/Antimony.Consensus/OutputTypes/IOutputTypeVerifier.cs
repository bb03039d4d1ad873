using Antimony.Consensus.Validation;
using Antimony.Primitives.Signing;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.OutputTypes;

/// <summary>
/// One consensus output type: recognises its scripts, checks outputs of its type and prepares the
/// authorization of spends of them. The set of verifiers is the set of valid output scripts (PROTOCOL.md,
/// "Spendable outputs"); a bespoke network registers more with <c>TryAddEnumerable</c>, or removes one.
/// </summary>
/// <remarks>
/// Spending is split in two so a block's signatures can be verified together: <see cref="PrepareSpend"/>
/// checks the witness's shape and encodings and computes the signature hash, adding the resulting
/// <see cref="SignatureCheck"/>s to a list; the caller then verifies the whole list at once through the
/// Primitives' <see cref="ISignatureVerifier"/> (batched and spread over cores).
/// </remarks>
public interface IOutputTypeVerifier
{
    /// <summary>The type's stable name; names are unique among registered verifiers.</summary>
    OutputTypeId Type { get; }

    /// <summary>
    /// Whether outputs of this type enter the UTXO set. Unspendable ones (data) never do, so spending one
    /// fails as a missing input.
    /// </summary>
    bool IsSpendable { get; }

    /// <summary>Whether <paramref name="scriptPubKey"/> is of this type.</summary>
    bool Matches(ReadOnlySpan<byte> scriptPubKey);

    /// <summary>Checks an output already known to match (e.g. a data output's value must be zero).</summary>
    ValidationResult CheckOutput(in TxOut output);

    /// <summary>
    /// Checks everything about the spend of <paramref name="context"/>'s input except the signature
    /// arithmetic, and adds the signature checks that remain to <paramref name="signatures"/>. Shape and
    /// encoding errors report <see cref="RejectReasons.BadWitness"/>; spends that can never verify report
    /// <see cref="RejectReasons.SignatureFailed"/>.
    /// </summary>
    ValidationResult PrepareSpend(in SpendContext context, ICollection<SignatureCheck> signatures);
}
