namespace Antimony.Primitives.Serialization;

/// <summary>Why a byte sequence is not a valid consensus encoding. Stable: callers match on it.</summary>
public enum DecodeError
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The input ended before the value was complete.</summary>
    Truncated,

    /// <summary>Bytes remain after a complete value where none are allowed.</summary>
    TrailingData,

    /// <summary>A count or length exceeds its limit (or the bytes that remain), so it cannot be honest.</summary>
    Oversized,

    /// <summary>A compact size was not written in its shortest form.</summary>
    NonCanonicalCompactSize,

    /// <summary>A field holds a value its type does not allow (e.g. a witness flag other than 1).</summary>
    InvalidValue,
}
