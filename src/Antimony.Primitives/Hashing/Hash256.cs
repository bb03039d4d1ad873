using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace Antimony.Primitives.Hashing;

/// <summary>
/// A 32-byte hash value (a SHA-256, SHA-256d or tagged-hash output) held by value.
/// </summary>
/// <remarks>
/// The bytes are stored in the order the hash function produced them ("internal" order), which is
/// the order they take on the wire. <see cref="ToString()"/> and <see cref="Parse(string)"/> use
/// Bitcoin's display convention: the bytes reversed, as block explorers show block and transaction ids.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Hash256 : IEquatable<Hash256>, ISpanFormattable
{
    /// <summary>The length of a hash in bytes.</summary>
    public const int Size = 32;

    // Little-endian 64-bit words of the internal byte order, so equality is four compares.
    private readonly ulong _w0, _w1, _w2, _w3;

    /// <summary>Reads a hash from exactly 32 bytes in internal (wire) order.</summary>
    /// <exception cref="ArgumentException">The span is not 32 bytes long.</exception>
    public Hash256(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
            throw new ArgumentException($"A hash is {Size} bytes; got {bytes.Length}.", nameof(bytes));
        _w0 = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        _w1 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]);
        _w2 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]);
        _w3 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]);
    }

    /// <summary>The all-zero hash (the "previous block" of a genesis block, the null outpoint's txid).</summary>
    public static Hash256 Zero => default;

    /// <summary>Whether every byte is zero.</summary>
    public bool IsZero => (_w0 | _w1 | _w2 | _w3) == 0;

    /// <summary>The bytes of <paramref name="hash"/> in internal order, without copying.</summary>
    public static ReadOnlySpan<byte> AsBytes(ref readonly Hash256 hash) =>
        MemoryMarshal.AsBytes(new ReadOnlySpan<Hash256>(in hash));

    /// <summary>Copies the 32 bytes in internal order into <paramref name="destination"/>.</summary>
    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < Size)
            throw new ArgumentException($"Destination needs {Size} bytes.", nameof(destination));
        BinaryPrimitives.WriteUInt64LittleEndian(destination, _w0);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], _w1);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], _w2);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], _w3);
    }

    /// <summary>A new array with the bytes in internal order.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Size];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>Parses Bitcoin's display form: 64 hex digits of the byte-reversed hash.</summary>
    /// <exception cref="FormatException">Not 64 hex digits.</exception>
    public static Hash256 Parse(string hex) =>
        TryParse(hex, out var hash) ? hash : throw new FormatException("A hash is written as 64 hexadecimal digits.");

    /// <summary>Parses Bitcoin's display form (byte-reversed hex); false when it is not 64 hex digits.</summary>
    public static bool TryParse([NotNullWhen(true)] string? hex, out Hash256 hash)
    {
        hash = default;
        if (hex is null || hex.Length != Size * 2)
            return false;
        Span<byte> bytes = stackalloc byte[Size];
        if (Convert.FromHexString(hex, bytes, out _, out int written) != System.Buffers.OperationStatus.Done || written != Size)
            return false;
        bytes.Reverse();
        hash = new Hash256(bytes);
        return true;
    }

    /// <summary>Reads a hash from display order (most significant byte first, as <see cref="ToString()"/> prints).</summary>
    public static Hash256 FromDisplayBytes(ReadOnlySpan<byte> reversed)
    {
        Span<byte> bytes = stackalloc byte[Size];
        reversed.CopyTo(bytes);
        bytes.Reverse();
        return new Hash256(bytes);
    }

    /// <summary>Bitcoin's display form: the bytes reversed, as lowercase hex.</summary>
    public override string ToString() => string.Create(Size * 2, this, static (chars, hash) => hash.TryFormat(chars, out _, default, null));

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        if (destination.Length < Size * 2)
            return false;
        Span<byte> bytes = stackalloc byte[Size];
        CopyTo(bytes);
        bytes.Reverse();
        Convert.TryToHexStringLower(bytes, destination, out charsWritten);
        return true;
    }

    /// <inheritdoc />
    public bool Equals(Hash256 other) => _w0 == other._w0 && _w1 == other._w1 && _w2 == other._w2 && _w3 == other._w3;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Hash256 other && Equals(other);

    /// <summary>Hash code seeded per process, so an attacker cannot grind colliding dictionary keys.</summary>
    public override int GetHashCode() => HashCode.Combine(_w0, _w1, _w2, _w3);

    /// <summary>Whether two hashes are byte-for-byte equal.</summary>
    public static bool operator ==(Hash256 left, Hash256 right) => left.Equals(right);

    /// <summary>Whether two hashes differ.</summary>
    public static bool operator !=(Hash256 left, Hash256 right) => !left.Equals(right);
}
