using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Antimony.Wallet.Mnemonics;

/// <summary>
/// A BIP39 mnemonic: 128-256 bits of entropy written as 12-24 English words whose last bits are a SHA-256
/// checksum, and the 64-byte seed derived from the words and an optional passphrase.
/// </summary>
/// <remarks>
/// The phrase is a secret: <see cref="ToString"/> names only the word count. Parsing normalises to NFKD and
/// accepts any run of whitespace between words, as BIP39 asks of implementations.
/// </remarks>
/// <example>
/// <code>
/// var mnemonic = Mnemonic.Generate(24);
/// byte[] seed = mnemonic.ToSeed("optional passphrase");
/// var master = ExtendedPrivateKey.FromSeed(seed);
/// </code>
/// </example>
public sealed class Mnemonic
{
    /// <summary>PBKDF2 iterations BIP39 fixes for the seed.</summary>
    public const int SeedIterations = 2048;

    /// <summary>The seed's length in bytes.</summary>
    public const int SeedSize = 64;

    private readonly byte[] _entropy;
    private readonly string[] _words;

    private Mnemonic(byte[] entropy, string[] words)
    {
        _entropy = entropy;
        _words = words;
    }

    /// <summary>The words, in order.</summary>
    public IReadOnlyList<string> Words => _words;

    /// <summary>The words joined by single spaces: the phrase to write down.</summary>
    public string Phrase => string.Join(' ', _words);

    /// <summary>A copy of the entropy the words encode (16-32 bytes).</summary>
    public byte[] GetEntropy() => (byte[])_entropy.Clone();

    /// <summary>A new phrase of <paramref name="wordCount"/> words from the operating system's CSPRNG.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="wordCount"/> is not 12, 15, 18, 21 or 24.</exception>
    public static Mnemonic Generate(int wordCount = 24)
    {
        if (wordCount is not (12 or 15 or 18 or 21 or 24))
            throw new ArgumentOutOfRangeException(nameof(wordCount), wordCount, "BIP39 phrases have 12, 15, 18, 21 or 24 words.");
        byte[] entropy = RandomNumberGenerator.GetBytes(wordCount / 3 * 4);
        return FromEntropy(entropy);
    }

    /// <summary>The phrase that encodes <paramref name="entropy"/> (BIP39 "Generating the mnemonic").</summary>
    /// <exception cref="MnemonicException"><see cref="MnemonicError.InvalidEntropyLength"/>: not 16, 20, 24, 28 or 32 bytes.</exception>
    public static Mnemonic FromEntropy(ReadOnlySpan<byte> entropy)
    {
        if (entropy.Length is < 16 or > 32 || entropy.Length % 4 != 0)
            throw new MnemonicException(MnemonicError.InvalidEntropyLength, -1, $"BIP39 entropy is 16, 20, 24, 28 or 32 bytes; got {entropy.Length}.");
        int checksumBits = entropy.Length / 4;
        int wordCount = (entropy.Length * 8 + checksumBits) / 11;
        Span<byte> bits = stackalloc byte[33];
        entropy.CopyTo(bits);
        bits[entropy.Length] = SHA256.HashData(entropy)[0];
        var words = new string[wordCount];
        for (int w = 0; w < wordCount; w++)
            words[w] = WordList.Words[ReadBits(bits, w * 11, 11)];
        return new Mnemonic(entropy.ToArray(), words);
    }

    /// <summary>Reads a phrase, checking every word and the checksum.</summary>
    /// <exception cref="MnemonicException">Wrong word count, an unknown word, or a checksum mismatch.</exception>
    public static Mnemonic Parse(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        return TryParse(phrase, out var mnemonic, out var error, out int index)
            ? mnemonic
            : throw new MnemonicException(error, index, Describe(error, index));
    }

    /// <summary>Reads a phrase; false (with the reason) for anything <see cref="Parse"/> refuses.</summary>
    public static bool TryParse([NotNullWhen(true)] string? phrase, [NotNullWhen(true)] out Mnemonic? mnemonic, out MnemonicError error) =>
        TryParse(phrase, out mnemonic, out error, out _);

    private static bool TryParse(string? phrase, [NotNullWhen(true)] out Mnemonic? mnemonic, out MnemonicError error, out int wordIndex)
    {
        mnemonic = null;
        wordIndex = -1;
        string[] words = (phrase ?? "").Normalize(NormalizationForm.FormKD)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is not (12 or 15 or 18 or 21 or 24))
        {
            error = MnemonicError.InvalidWordCount;
            return false;
        }
        int totalBits = words.Length * 11;
        int checksumBits = totalBits / 33;
        int entropyBytes = (totalBits - checksumBits) / 8;
        Span<byte> bits = stackalloc byte[33];
        bits.Clear();
        for (int w = 0; w < words.Length; w++)
        {
            int index = WordList.IndexOf(words[w]);
            if (index < 0)
            {
                error = MnemonicError.UnknownWord;
                wordIndex = w;
                return false;
            }
            WriteBits(bits, w * 11, 11, index);
        }
        var entropy = bits[..entropyBytes].ToArray();
        int expected = SHA256.HashData(entropy)[0] >> (8 - checksumBits);
        int actual = ReadBits(bits, entropyBytes * 8, checksumBits);
        if (expected != actual)
        {
            CryptographicOperations.ZeroMemory(entropy);
            error = MnemonicError.InvalidChecksum;
            return false;
        }
        error = MnemonicError.None;
        mnemonic = new Mnemonic(entropy, words);
        return true;
    }

    /// <summary>
    /// BIP39's seed: PBKDF2-HMAC-SHA512 of the NFKD phrase with salt "mnemonic" + NFKD passphrase, 2048 rounds, 64 bytes.
    /// A different passphrase gives a different (equally valid) wallet; there is no "wrong" passphrase.
    /// </summary>
    public byte[] ToSeed(string? passphrase = null)
    {
        byte[] password = Encoding.UTF8.GetBytes(Phrase.Normalize(NormalizationForm.FormKD));
        byte[] salt = Encoding.UTF8.GetBytes("mnemonic" + (passphrase ?? "").Normalize(NormalizationForm.FormKD));
        try
        {
            return Rfc2898DeriveBytes.Pbkdf2(password, salt, SeedIterations, HashAlgorithmName.SHA512, SeedSize);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
        }
    }

    /// <summary>Names the word count only; the phrase is a secret.</summary>
    public override string ToString() => $"Mnemonic({_words.Length} words)";

    private static string Describe(MnemonicError error, int index) => error switch
    {
        MnemonicError.InvalidWordCount => "A BIP39 phrase has 12, 15, 18, 21 or 24 words.",
        MnemonicError.UnknownWord => $"Word {index + 1} is not in the BIP39 English word list.",
        MnemonicError.InvalidChecksum => "The phrase's checksum does not match: a word is mistyped or out of order.",
        _ => error.ToString(),
    };

    private static int ReadBits(ReadOnlySpan<byte> data, int offset, int count)
    {
        int value = 0;
        for (int i = 0; i < count; i++)
        {
            int bit = offset + i;
            value = (value << 1) | ((data[bit >> 3] >> (7 - (bit & 7))) & 1);
        }
        return value;
    }

    private static void WriteBits(Span<byte> data, int offset, int count, int value)
    {
        for (int i = 0; i < count; i++)
        {
            int bit = offset + i;
            if (((value >> (count - 1 - i)) & 1) != 0)
                data[bit >> 3] |= (byte)(0x80 >> (bit & 7));
        }
    }
}
