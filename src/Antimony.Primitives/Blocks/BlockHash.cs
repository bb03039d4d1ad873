using Antimony.Primitives.Hashing;

namespace Antimony.Primitives.Blocks;

/// <summary>A block id: SHA-256d of the 80-byte block header. Compared as a 256-bit number against the block's target.</summary>
/// <param name="Value">The underlying hash in internal (wire) byte order.</param>
public readonly record struct BlockHash(Hash256 Value) : ISpanFormattable
{
    /// <summary>The all-zero id.</summary>
    public static BlockHash Zero => default;

    /// <summary>Parses the display form (64 hex digits, byte-reversed).</summary>
    public static BlockHash Parse(string hex) => new(Hash256.Parse(hex));

    /// <summary>Parses the display form; false when it is not 64 hex digits.</summary>
    public static bool TryParse(string? hex, out BlockHash id)
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
