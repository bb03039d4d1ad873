using Antimony.Consensus.Validation;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.OutputTypes;

/// <summary>
/// One consensus output type: recognises its scripts, checks outputs of its type and authorizes spends
/// of them. The set of verifiers is the set of valid output scripts (PROTOCOL.md, "Spendable outputs");
/// a bespoke network registers more with <c>TryAddEnumerable</c>, or removes one.
/// </summary>
/// <remarks>
/// <see cref="VerifySpend"/> is called concurrently from several threads for the inputs of one block,
/// so implementations must be thread-safe (stateless ones are).
/// </remarks>
public interface IOutputTypeVerifier
{
    /// <summary>The type's stable name; names are unique among registered verifiers.</summary>
    OutputType Type { get; }

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
    /// Checks that the input in <paramref name="context"/> may spend its output (of this type): witness
    /// shape, then signature. Shape errors report <see cref="RejectReasons.BadWitness"/>, failed signatures
    /// <see cref="RejectReasons.SignatureFailed"/>.
    /// </summary>
    ValidationResult VerifySpend(in SpendContext context);
}
