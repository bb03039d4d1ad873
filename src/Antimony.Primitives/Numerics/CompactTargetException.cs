namespace Antimony.Primitives.Numerics;

/// <summary>Thrown by <see cref="CompactTarget.ToTarget"/> when the compact form is negative, overflows or is zero.</summary>
public sealed class CompactTargetException : FormatException
{
    /// <summary>Creates the exception for <paramref name="bits"/> and the rule it breaks.</summary>
    public CompactTargetException(CompactTarget bits, CompactTargetError error)
        : base($"Compact target {bits} is not usable: {error}.")
    {
        Bits = bits;
        Error = error;
    }

    /// <summary>The compact form that was rejected.</summary>
    public CompactTarget Bits { get; }

    /// <summary>Why it was rejected.</summary>
    public CompactTargetError Error { get; }
}
