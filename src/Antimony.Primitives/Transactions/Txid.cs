using Antimony.Primitives.Hashing;

namespace Antimony.Primitives.Transactions;

/// <summary>A transaction id: SHA-256d of the transaction without witness data (BIP141). Signatures commit to it and outpoints name it.</summary>
/// <param name="Value">The underlying hash in internal (wire) byte order.</param>
public readonly record struct Txid(Hash256 Value) : ISpanFormattable
{
    /// <summary>The all-zero id.</summary>
    public static Txid Zero => default;

    /// <summary>Parses the display form (64 hex digits, byte-reversed).</summary>
    public static Txid Parse(string hex) => new(Hash256.Parse(hex));

    /// <summary>Parses the display form; false when it is not 64 hex digits.</summary>
    public static bool TryParse(string? hex, out Txid id)
    {
        bool ok = Hash256.TryParse(hex, out var hash);
        id = new(hash);
        return ok;
    }

    /// <summary>The display form: byte-reversed lowercase hex.</summary>
    public override string ToString() => Value.ToString();

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => Value.ToString();

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Value.TryFormat(destination, out charsWritten, format, provider);
}
