namespace Antimony.Wallet.Mnemonics;

/// <summary>Why a BIP39 phrase or entropy was refused, so callers can tell the user exactly what to fix.</summary>
public enum MnemonicError
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The phrase is not 12, 15, 18, 21 or 24 words.</summary>
    InvalidWordCount,

    /// <summary>A word is not in the BIP39 English list.</summary>
    UnknownWord,

    /// <summary>The words are all known but the checksum bits do not match the entropy (a typo or a swapped word).</summary>
    InvalidChecksum,

    /// <summary>The entropy is not 16, 20, 24, 28 or 32 bytes.</summary>
    InvalidEntropyLength,
}
