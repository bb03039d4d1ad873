using Antimony.Consensus.Validation;

namespace Antimony.Consensus.Rules.Headers;

/// <summary><c>time-too-old</c>: the time must be after the median time of the previous 11 blocks.</summary>
public sealed class MedianTimeRule : IHeaderRule
{
    /// <inheritdoc />
    public ValidationResult Check(in HeaderContext context) =>
        context.Header.Time > context.Previous.MedianTimePast
            ? ValidationResult.Valid
            : ValidationResult.Reject(RejectReasons.TimeTooOld, $"time {context.Header.Time} <= median {context.Previous.MedianTimePast}");
}
