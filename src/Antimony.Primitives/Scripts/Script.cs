namespace Antimony.Primitives.Scripts;

/// <summary>
/// The raw bytes of an output script (scriptPubKey) or input script (scriptSig). Antimony v1 has no
/// script interpreter: an output script is recognised as one of the spendable output types (see
/// <c>OutputType</c>) and an input script is empty except the coinbase's.
/// </summary>
/// <remarks>Immutable by contract: a script never changes after construction. Equality compares bytes.</remarks>
public readonly struct Script : IEquatable<Script>
{
    private readonly ReadOnlyMemory<byte> _bytes;

    /// <summary>Wraps <paramref name="bytes"/> without copying; the caller must not change them afterwards.</summary>
    public Script(ReadOnlyMemory<byte> bytes) => _bytes = bytes;

    /// <summary>The empty script.</summary>
    public static Script Empty => default;

    /// <summary>The script's bytes.</summary>
    public ReadOnlySpan<byte> Span => _bytes.Span;

    /// <summary>The script's bytes as memory.</summary>
    public ReadOnlyMemory<byte> Memory => _bytes;

    /// <summary>The length in bytes.</summary>
    public int Length => _bytes.Length;

    /// <summary>Whether the script has no bytes.</summary>
    public bool IsEmpty => _bytes.IsEmpty;

    /// <summary>A script holding a copy of <paramref name="bytes"/>.</summary>
    public static Script CopyOf(ReadOnlySpan<byte> bytes) => new(bytes.ToArray());

    /// <summary>Parses a script from hex.</summary>
    /// <exception cref="FormatException">Not an even number of hex digits.</exception>
    public static Script FromHex(string hex) => new(Convert.FromHexString(hex));

    /// <summary>The bytes as lowercase hex.</summary>
    public override string ToString() => Convert.ToHexStringLower(_bytes.Span);

    /// <inheritdoc />
    public bool Equals(Script other) => _bytes.Span.SequenceEqual(other._bytes.Span);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Script other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes.Span);
        return hash.ToHashCode();
    }

    /// <summary>Whether two scripts have the same bytes.</summary>
    public static bool operator ==(Script left, Script right) => left.Equals(right);

    /// <summary>Whether two scripts differ.</summary>
    public static bool operator !=(Script left, Script right) => !left.Equals(right);
}
