namespace Antimony.Wallet.Storage;

/// <summary>A key file could not be opened; <see cref="Error"/> says why. Never carries any decrypted byte.</summary>
public sealed class KeyFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KeyFileException(KeyFileError error, string message) : base(message) => Error = error;

    /// <summary>The reason.</summary>
    public KeyFileError Error { get; }
}
