using Antimony.Consensus.Validation;

namespace Antimony.Consensus.Rules.Headers;

/// <summary><c>bad-version</c>: versions below the network's minimum are obsolete (BIP34/66/65 are active from genesis).</summary>
public sealed class VersionRule : IHeaderRule
{
    /// <inheritdoc />
    public ValidationResult Check(in HeaderContext context) =>
        context.Header.Version >= context.Parameters.MinimumBlockVersion
            ? ValidationResult.Valid
            : ValidationResult.Reject(RejectReasons.BadVersion, $"version 0x{context.Header.Version:x8}");
}
