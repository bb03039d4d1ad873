namespace Antimony.Wallet.Storage;

/// <summary>Why a key file could not be opened.</summary>
public enum KeyFileError
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>Not a key file: too short, or the magic bytes are wrong.</summary>
    Malformed,

    /// <summary>A format version this library does not know (written by a newer one).</summary>
    UnsupportedVersion,

    /// <summary>The key-derivation function or its parameters are unknown or out of the accepted range.</summary>
    UnsupportedKdf,

    /// <summary>The passphrase does not open the file (its key check does not match).</summary>
    WrongPassphrase,

    /// <summary>The passphrase is right but the contents fail authentication: the file was altered or damaged.</summary>
    Tampered,
}
