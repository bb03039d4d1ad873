namespace Antimony.Primitives.Signing;

/// <summary>Thrown by the signing methods that do not start with <c>Try</c> when an input cannot be signed.</summary>
public sealed class SpendException : Exception
{
    /// <summary>Creates an exception for <paramref name="error"/> on input <paramref name="inputIndex"/>.</summary>
    public SpendException(SpendError error, int inputIndex)
        : base($"Input {inputIndex} cannot be signed: {error}.")
    {
        Error = error;
        InputIndex = inputIndex;
    }

    /// <summary>The rule that failed.</summary>
    public SpendError Error { get; }

    /// <summary>The input that could not be signed.</summary>
    public int InputIndex { get; }
}
