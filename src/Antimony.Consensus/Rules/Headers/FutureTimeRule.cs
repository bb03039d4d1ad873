using Antimony.Consensus.Validation;

namespace Antimony.Consensus.Rules.Headers;

/// <summary>
/// <c>time-too-new</c>: the time may be at most <c>MaxFutureBlockTime</c> ahead of the node's clock. The
/// rejection is <see cref="RejectCategory.Premature"/>: the same header may be accepted later.
/// </summary>
public sealed class FutureTimeRule : IHeaderRule
{
    /// <inheritdoc />
    public ValidationResult Check(in HeaderContext context)
    {
        long limit = context.Now.ToUnixTimeSeconds() + (long)context.Parameters.MaxFutureBlockTime.TotalSeconds;
        return context.Header.Time <= limit
            ? ValidationResult.Valid
            : ValidationResult.Reject(RejectReasons.TimeTooNew, $"time {context.Header.Time} > {limit}");
    }
}
