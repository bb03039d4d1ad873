using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Antimony.Primitives.Networks;

/// <summary>
/// The four bytes that start every P2P frame and tell networks apart. Antimony requires the high bit of
/// each byte to be set (PROTOCOL.md), so no ASCII text, and in particular no HTTP request or line-based
/// protocol sent to the port by mistake, can ever look like the start of a frame.
/// </summary>
/// <remarks>
/// <see cref="Value"/> holds the bytes in wire order read big-endian: <c>new NetworkMagic(0xB59A8CB3)</c>
/// is sent as <c>b5 9a 8c b3</c>, and <see cref="ToString"/> prints them in that order.
/// The default value (all zero) is not a valid magic and is never produced by the constructor.
/// </remarks>
public readonly struct NetworkMagic : IEquatable<NetworkMagic>
{
    /// <summary>The length on the wire.</summary>
    public const int Size = 4;

    private const uint HighBits = 0x8080_8080;

    /// <summary>Creates a magic from its four bytes in wire order, first byte most significant.</summary>
    /// <exception cref="ArgumentException">A byte does not have its high bit set.</exception>
    public NetworkMagic(uint value)
    {
        if (!IsValid(value))
            throw new ArgumentException($"Every byte of a network magic must have its high bit set; 0x{value:x8} does not.", nameof(value));
        Value = value;
    }

    /// <summary>The four bytes in wire order, read as a big-endian number.</summary>
    public uint Value { get; }

    /// <summary>Whether every byte of <paramref name="value"/> has its high bit set.</summary>
    public static bool IsValid(uint value) => (value & HighBits) == HighBits;

    /// <summary>Reads a magic from the first four bytes of a frame.</summary>
    /// <exception cref="ArgumentException">Fewer than four bytes, or a byte without its high bit.</exception>
    public static NetworkMagic Read(ReadOnlySpan<byte> wire)
    {
        if (wire.Length < Size)
            throw new ArgumentException($"A network magic is {Size} bytes.", nameof(wire));
        return new NetworkMagic(BinaryPrimitives.ReadUInt32BigEndian(wire));
    }

    /// <summary>Whether <paramref name="wire"/> starts with this magic (the first check on every incoming frame).</summary>
    public bool Matches(ReadOnlySpan<byte> wire) => wire.Length >= Size && BinaryPrimitives.ReadUInt32BigEndian(wire) == Value;

    /// <summary>Writes the four bytes in wire order.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than four bytes.</exception>
    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < Size)
            throw new ArgumentException($"Destination needs {Size} bytes.", nameof(destination));
        BinaryPrimitives.WriteUInt32BigEndian(destination, Value);
    }

    /// <summary>Parses eight hex digits in wire order (as <see cref="ToString"/> prints).</summary>
    /// <exception cref="FormatException">Not eight hex digits, or a byte without its high bit.</exception>
    public static NetworkMagic Parse(string hex) =>
        TryParse(hex, out var magic) ? magic : throw new FormatException("A network magic is eight hex digits, each byte with its high bit set.");

    /// <summary>Parses eight hex digits in wire order; false when malformed or a byte lacks its high bit.</summary>
    public static bool TryParse([NotNullWhen(true)] string? hex, out NetworkMagic magic)
    {
        magic = default;
        if (hex is null || hex.Length != 2 * Size
            || !uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint value)
            || !IsValid(value))
            return false;
        magic = new NetworkMagic(value);
        return true;
    }

    /// <summary>The bytes in wire order as eight lowercase hex digits.</summary>
    public override string ToString() => Value.ToString("x8", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public bool Equals(NetworkMagic other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is NetworkMagic other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (int)Value;

    /// <summary>Whether the magics are equal.</summary>
    public static bool operator ==(NetworkMagic left, NetworkMagic right) => left.Equals(right);

    /// <summary>Whether the magics differ.</summary>
    public static bool operator !=(NetworkMagic left, NetworkMagic right) => !left.Equals(right);
}
