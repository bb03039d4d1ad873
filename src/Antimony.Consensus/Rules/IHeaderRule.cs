using Antimony.Consensus.Validation;

namespace Antimony.Consensus.Rules;

/// <summary>
/// A rule on a header in the context of its parent. Register with
/// <c>services.TryAddEnumerable(ServiceDescriptor.Singleton&lt;IHeaderRule, MyRule&gt;())</c>; rules run in
/// registration order and the first rejection wins.
/// </summary>
public interface IHeaderRule
{
    /// <summary>Checks <paramref name="context"/>'s header.</summary>
    ValidationResult Check(in HeaderContext context);
}
