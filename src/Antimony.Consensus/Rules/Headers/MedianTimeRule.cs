using Antimony.Consensus.Validation;

namespace Antimony.Consensus.Rules.Headers;

/// <summary><c>time-too-old</c>: the time must be after the median time of the previous <c>MedianTimeSpan</c> (11) blocks.</summary>
public sealed class MedianTimeRule : IHeaderRule
{
    /// <inheritdoc />
    public ValidationResult Check(in HeaderContext context)
    {
        uint median = context.Previous.GetMedianTimePast(context.Parameters.MedianTimeSpan);
        return context.Header.Time > median
            ? ValidationResult.Valid
            : ValidationResult.Reject(RejectReasons.TimeTooOld, $"time {context.Header.Time} <= median {median}");
    }
}
