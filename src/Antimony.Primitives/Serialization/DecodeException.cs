namespace Antimony.Primitives.Serialization;

/// <summary>
/// Thrown when bytes are not a valid consensus encoding. The only exception type the decoders throw
/// for bad input, so a caller that catches it has caught every malformed-input case.
/// </summary>
public sealed class DecodeException : FormatException
{
    /// <summary>Creates the exception for <paramref name="error"/> at byte <paramref name="position"/>.</summary>
    public DecodeException(DecodeError error, int position, string message)
        : base($"{message} (at byte {position}: {error})")
    {
        Error = error;
        Position = position;
    }

    /// <summary>What is wrong with the input.</summary>
    public DecodeError Error { get; }

    /// <summary>The offset in the input where decoding stopped.</summary>
    public int Position { get; }
}
