namespace Antimony.Primitives.Numerics;

/// <summary>Why a compact target ("nBits") does not describe a usable proof-of-work target. Stable: callers match on it.</summary>
public enum CompactTargetError
{
    /// <summary>The target is usable.</summary>
    None = 0,

    /// <summary>The sign bit (0x00800000) is set with a non-zero mantissa: Bitcoin Core's <c>fNegative</c>.</summary>
    Negative,

    /// <summary>The exponent puts mantissa bits above bit 255: Bitcoin Core's <c>fOverflow</c>.</summary>
    Overflow,

    /// <summary>The target is zero, which no hash can meet.</summary>
    Zero,
}
