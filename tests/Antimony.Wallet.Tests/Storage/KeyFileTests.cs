using Antimony.Wallet.Storage;

namespace Antimony.Wallet.Tests.Storage;

public sealed class KeyFileTests
{
    // Cheap parameters keep the properties fast; the format stores them, so decryption needs no configuration.
    private static readonly KeyFileKdf Cheap = KeyFileKdf.Scrypt(log2Cost: 4, blockSize: 1, parallelism: 1);

    private static readonly Gen<byte[]> Secrets = Gen.Choose(0, 80).SelectMany(n => Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), n));

    private static readonly Gen<string> Passphrases = ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => s.Get);

    [Property(MaxTest = 100)]
    public Property Encrypt_then_decrypt_round_trips()
    {
        var gen = from secret in Secrets from passphrase in Passphrases select (secret, passphrase);
        return Prop.ForAll(Arb.From(gen), t => KeyFile.Decrypt(KeyFile.Encrypt(t.secret, t.passphrase, Cheap), t.passphrase).AsSpan().SequenceEqual(t.secret));
    }

    [Property(MaxTest = 300)]
    public Property Any_single_bit_flip_is_detected()
    {
        var gen = from secret in Secrets
                  from bit in Gen.Choose(0, int.MaxValue)
                  select (secret, bit);
        return Prop.ForAll(Arb.From(gen), t =>
        {
            byte[] file = KeyFile.Encrypt(t.secret, "pass", Cheap);
            int position = t.bit % (file.Length * 8);
            file[position / 8] ^= (byte)(1 << (position % 8));
            var e = Assert.Throws<KeyFileException>(() => KeyFile.Decrypt(file, "pass"));
            return (e.Error != KeyFileError.None).Label($"bit {position}: {e.Error}");
        });
    }

    [Fact]
    public void Every_bit_of_one_file_is_covered_and_each_region_reports_its_error()
    {
        byte[] original = KeyFile.Encrypt([1, 2, 3, 4, 5, 6, 7, 8], "pass", Cheap);
        var errors = new KeyFileError[original.Length * 8];
        for (int bit = 0; bit < errors.Length; bit++)
        {
            byte[] file = (byte[])original.Clone();
            file[bit / 8] ^= (byte)(1 << (bit % 8));
            errors[bit] = Assert.Throws<KeyFileException>(() => KeyFile.Decrypt(file, "pass")).Error;
        }
        Assert.All(errors[..32], e => Assert.Equal(KeyFileError.Malformed, e));            // magic
        Assert.All(errors[32..40], e => Assert.Equal(KeyFileError.UnsupportedVersion, e)); // version
        Assert.Equal(KeyFileError.Tampered, errors[^1]);                                    // GCM tag
        Assert.Equal(KeyFileError.Tampered, errors[(original.Length - 20) * 8]);            // ciphertext
        Assert.Equal(KeyFileError.WrongPassphrase, errors[20 * 8]);                         // salt changes the keys
    }

    [Fact]
    public void Wrong_passphrase_and_tampering_are_told_apart()
    {
        byte[] file = KeyFile.Encrypt("seed"u8, "right", Cheap);
        Assert.Equal(KeyFileError.WrongPassphrase, Assert.Throws<KeyFileException>(() => KeyFile.Decrypt(file, "wrong")).Error);
        file[^17] ^= 0x40;
        Assert.Equal(KeyFileError.Tampered, Assert.Throws<KeyFileException>(() => KeyFile.Decrypt(file, "right")).Error);
        Assert.Equal(KeyFileError.Malformed, Assert.Throws<KeyFileException>(() => KeyFile.Decrypt(file.AsSpan(0, 40), "right")).Error);
    }

    [Fact]
    public void Pbkdf2_and_the_default_scrypt_files_open()
    {
        byte[] pbkdf2 = KeyFile.Encrypt("seed"u8, "p", KeyFileKdf.Pbkdf2Sha256(1_000));
        Assert.Equal("seed"u8.ToArray(), KeyFile.Decrypt(pbkdf2, "p"));
        byte[] scrypt = KeyFile.Encrypt("seed"u8, "p");
        Assert.Equal("seed"u8.ToArray(), KeyFile.Decrypt(scrypt, "p"));
        Assert.Throws<ArgumentException>(() => KeyFile.Encrypt("x"u8, "p", new KeyFileKdf(KeyFileKdfKind.Scrypt, 1000, 8, 1)));
    }

    [Fact]
    public void Two_encryptions_differ_because_salt_and_nonce_are_fresh()
    {
        Assert.NotEqual(KeyFile.Encrypt("seed"u8, "p", Cheap), KeyFile.Encrypt("seed"u8, "p", Cheap));
    }

    [Fact]
    public void Write_replaces_the_file_atomically_with_owner_only_permissions()
    {
        using var dir = new Support.TempDirectory();
        string path = dir.Sub("wallet.key");
        KeyFile.Write(path, "first"u8, "p", Cheap);
        KeyFile.Write(path, "second"u8, "p", Cheap);
        Assert.Equal("second"u8.ToArray(), KeyFile.Read(path, "p"));
        Assert.Equal(["wallet.key"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }
}
