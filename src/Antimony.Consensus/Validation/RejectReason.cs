namespace Antimony.Consensus.Validation;

/// <summary>
/// A stable, machine-readable reason for rejecting a header, block or transaction: a code string
/// (Bitcoin Core's reject strings where Core has one) and a <see cref="RejectCategory"/>.
/// </summary>
/// <remarks>
/// Callers and tests compare codes, never human-readable messages (btcd's <c>RuleError</c> idea).
/// The well-known codes are listed in <see cref="RejectReasons"/>; a bespoke rule may define its own.
/// </remarks>
/// <param name="Code">The stable code, e.g. <c>bad-txns-vin-empty</c>.</param>
/// <param name="Category">What the rejection means for the object.</param>
public readonly record struct RejectReason(string Code, RejectCategory Category)
{
    /// <summary>The code.</summary>
    public override string ToString() => Code;
}
