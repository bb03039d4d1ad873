namespace Antimony.Wallet.Mnemonics;

/// <summary>A BIP39 phrase or entropy was refused; <see cref="Error"/> says why and <see cref="WordIndex"/> where.</summary>
public sealed class MnemonicException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public MnemonicException(MnemonicError error, int wordIndex, string message) : base(message)
    {
        Error = error;
        WordIndex = wordIndex;
    }

    /// <summary>The reason.</summary>
    public MnemonicError Error { get; }

    /// <summary>The zero-based index of the offending word, or -1 when the phrase as a whole is wrong.</summary>
    public int WordIndex { get; }
}
