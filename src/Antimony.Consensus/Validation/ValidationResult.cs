using System.Diagnostics.CodeAnalysis;

namespace Antimony.Consensus.Validation;

/// <summary>
/// The outcome of a rule: valid, or a <see cref="RejectReason"/> with a free-form detail for logs.
/// </summary>
/// <remarks>A value, not an exception: invalid input from the network is expected and must be cheap to reject.</remarks>
public readonly struct ValidationResult : IEquatable<ValidationResult>
{
    private ValidationResult(RejectReason? reason, string? detail)
    {
        Reason = reason;
        Detail = detail;
    }

    /// <summary>The accepting result.</summary>
    public static ValidationResult Valid => default;

    /// <summary>Whether the object passed.</summary>
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool IsValid => Reason is null;

    /// <summary>Why the object was rejected; <see langword="null"/> when valid.</summary>
    public RejectReason? Reason { get; }

    /// <summary>The rejection's code, or <see langword="null"/> when valid (shorthand for tests and logs).</summary>
    public string? Code => Reason?.Code;

    /// <summary>Human-readable detail for logs; never compare it.</summary>
    public string? Detail { get; }

    /// <summary>A rejection for <paramref name="reason"/>.</summary>
    public static ValidationResult Reject(RejectReason reason, string? detail = null) => new(reason, detail);

    /// <inheritdoc />
    public bool Equals(ValidationResult other) => Reason == other.Reason;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ValidationResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Reason.GetHashCode();

    /// <summary>Whether two results have the same reason (details are ignored).</summary>
    public static bool operator ==(ValidationResult left, ValidationResult right) => left.Equals(right);

    /// <summary>Whether two results differ in reason.</summary>
    public static bool operator !=(ValidationResult left, ValidationResult right) => !left.Equals(right);

    /// <summary>"valid", or the code and detail.</summary>
    public override string ToString() => IsValid ? "valid" : Detail is null ? Reason.Value.Code : $"{Reason.Value.Code}: {Detail}";
}
