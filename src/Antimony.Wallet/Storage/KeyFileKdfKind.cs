namespace Antimony.Wallet.Storage;

/// <summary>The password-hashing function that turns a passphrase into the key file's keys.</summary>
public enum KeyFileKdfKind : byte
{
    /// <summary>scrypt (RFC 7914), memory-hard: the default.</summary>
    Scrypt = 1,

    /// <summary>PBKDF2-HMAC-SHA256 (RFC 8018), for platforms where scrypt's memory is too dear.</summary>
    Pbkdf2Sha256 = 2,
}
