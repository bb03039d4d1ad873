using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Generators;

namespace Antimony.Wallet.Storage;

/// <summary>
/// An encrypted file for a small secret (the wallet's seed entropy): AES-256-GCM with a key derived from a
/// passphrase by scrypt or PBKDF2-SHA256, a random salt and nonce per write, and a versioned header that the
/// cipher authenticates. Writes replace the file atomically.
/// </summary>
/// <remarks>
/// Layout (big-endian): magic <c>"AKEY"</c> (4), version 1 (1), KDF kind (1), cost (4), r (2), p (2), salt (32),
/// nonce (12), key check (16), ciphertext (n), GCM tag (16). The key check — HMAC-SHA256 of the header under a
/// second derived key — tells a wrong passphrase (<see cref="KeyFileError.WrongPassphrase"/>) from an altered file
/// (<see cref="KeyFileError.Tampered"/>); either way no decrypted byte is ever returned unless the tag verifies.
/// </remarks>
public static class KeyFile
{
    private const byte Version = 1;
    private const int SaltSize = 32;
    private const int NonceSize = 12;
    private const int CheckSize = 16;
    private const int TagSize = 16;
    private const int KdfOffset = 5;
    private const int SaltOffset = 16;
    private const int NonceOffset = SaltOffset + SaltSize;
    private const int CheckOffset = NonceOffset + NonceSize;
    private const int HeaderSize = CheckOffset + CheckSize;
    private static ReadOnlySpan<byte> Magic => "AKEY"u8;

    /// <summary>Encrypts <paramref name="secret"/> under <paramref name="passphrase"/> (with <see cref="KeyFileKdf.Default"/> unless given).</summary>
    /// <exception cref="ArgumentException"><paramref name="kdf"/> has unsupported parameters.</exception>
    public static byte[] Encrypt(ReadOnlySpan<byte> secret, string passphrase, KeyFileKdf? kdf = null)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        var parameters = kdf ?? KeyFileKdf.Default;
        if (!parameters.IsSupported)
            throw new ArgumentException($"Unsupported key-derivation parameters {parameters}.", nameof(kdf));
        var file = new byte[HeaderSize + secret.Length + TagSize];
        Magic.CopyTo(file);
        file[4] = Version;
        file[KdfOffset] = (byte)parameters.Kind;
        BinaryPrimitives.WriteInt32BigEndian(file.AsSpan(6), parameters.Cost);
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(10), (ushort)parameters.BlockSize);
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(12), (ushort)parameters.Parallelism);
        RandomNumberGenerator.Fill(file.AsSpan(SaltOffset, SaltSize + NonceSize));
        byte[] keys = DeriveKeys(passphrase, file.AsSpan(SaltOffset, SaltSize), parameters);
        try
        {
            HMACSHA256.HashData(keys.AsSpan(32), file.AsSpan(0, CheckOffset)).AsSpan(0, CheckSize).CopyTo(file.AsSpan(CheckOffset));
            using var aes = new AesGcm(keys.AsSpan(0, 32), TagSize);
            aes.Encrypt(file.AsSpan(NonceOffset, NonceSize), secret, file.AsSpan(HeaderSize, secret.Length),
                file.AsSpan(HeaderSize + secret.Length, TagSize), file.AsSpan(0, HeaderSize));
            return file;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(keys);
        }
    }

    /// <summary>Decrypts a key file's bytes.</summary>
    /// <exception cref="KeyFileException">Malformed, unsupported, wrong passphrase, or tampered.</exception>
    public static byte[] Decrypt(ReadOnlySpan<byte> file, string passphrase)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        if (file.Length < HeaderSize + TagSize || !file.StartsWith(Magic))
            throw new KeyFileException(KeyFileError.Malformed, "Not an Antimony key file.");
        if (file[4] != Version)
            throw new KeyFileException(KeyFileError.UnsupportedVersion, $"Key file version {file[4]} is not supported (this library reads version {Version}).");
        var kdf = new KeyFileKdf((KeyFileKdfKind)file[KdfOffset], BinaryPrimitives.ReadInt32BigEndian(file[6..]),
            BinaryPrimitives.ReadUInt16BigEndian(file[10..]), BinaryPrimitives.ReadUInt16BigEndian(file[12..]));
        if (!kdf.IsSupported || file[14] != 0 || file[15] != 0)
            throw new KeyFileException(KeyFileError.UnsupportedKdf, $"The key file's key derivation {kdf} is not supported.");
        byte[] keys = DeriveKeys(passphrase, file.Slice(SaltOffset, SaltSize), kdf);
        try
        {
            byte[] check = HMACSHA256.HashData(keys.AsSpan(32), file[..CheckOffset]);
            if (!CryptographicOperations.FixedTimeEquals(check.AsSpan(0, CheckSize), file.Slice(CheckOffset, CheckSize)))
                throw new KeyFileException(KeyFileError.WrongPassphrase, "The passphrase does not open this key file.");
            int length = file.Length - HeaderSize - TagSize;
            var secret = new byte[length];
            using var aes = new AesGcm(keys.AsSpan(0, 32), TagSize);
            try
            {
                aes.Decrypt(file.Slice(NonceOffset, NonceSize), file.Slice(HeaderSize, length), file.Slice(HeaderSize + length, TagSize),
                    secret, file[..HeaderSize]);
            }
            catch (AuthenticationTagMismatchException)
            {
                CryptographicOperations.ZeroMemory(secret);
                throw new KeyFileException(KeyFileError.Tampered, "The key file's contents fail authentication: it was altered or damaged.");
            }
            return secret;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(keys);
        }
    }

    /// <summary>Encrypts <paramref name="secret"/> and atomically replaces the file at <paramref name="path"/> (mode 0600 on Unix).</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(string path, ReadOnlySpan<byte> secret, string passphrase, KeyFileKdf? kdf = null) =>
        AtomicFile.Write(path, Encrypt(secret, passphrase, kdf));

    /// <summary>Reads and decrypts the file at <paramref name="path"/>.</summary>
    /// <exception cref="KeyFileException">Malformed, unsupported, wrong passphrase, or tampered.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static byte[] Read(string path, string passphrase) => Decrypt(File.ReadAllBytes(path), passphrase);

    /// <summary>64 bytes: the AES key, then the key-check HMAC key.</summary>
    private static byte[] DeriveKeys(string passphrase, ReadOnlySpan<byte> salt, KeyFileKdf kdf)
    {
        byte[] password = Encoding.UTF8.GetBytes(passphrase.Normalize(NormalizationForm.FormKC));
        try
        {
            return kdf.Kind == KeyFileKdfKind.Scrypt
                ? SCrypt.Generate(password, salt.ToArray(), kdf.Cost, kdf.BlockSize, kdf.Parallelism, 64)
                : Rfc2898DeriveBytes.Pbkdf2(password, salt, kdf.Cost, HashAlgorithmName.SHA256, 64);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
        }
    }
}
