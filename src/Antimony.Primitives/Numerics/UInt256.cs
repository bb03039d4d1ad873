using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;

namespace Antimony.Primitives.Numerics;

/// <summary>
/// An unsigned 256-bit integer: proof-of-work targets, block hashes compared as numbers, and chain work.
/// </summary>
/// <remarks>
/// <para>Four 64-bit limbs, least significant first. The byte form is little-endian, so a
/// <see cref="Hash256"/> in internal (wire) order reads directly as the number Bitcoin compares with
/// the target, and the hex form (<see cref="ToString()"/>) is big-endian, matching Bitcoin Core's
/// <c>arith_uint256::GetHex</c> and a block hash's display form.</para>
/// <para>Arithmetic follows the platform's unsigned integers: <c>+</c>, <c>-</c>, <c>*</c>, <c>&lt;&lt;</c> wrap
/// modulo 2^256 (as Bitcoin Core's <c>arith_uint256</c> does), and the <c>checked</c> forms of
/// <c>+</c>, <c>-</c>, <c>*</c> throw <see cref="OverflowException"/> instead. Division by zero throws
/// <see cref="DivideByZeroException"/>. Shift counts are taken modulo 256, like the built-in integer types.
/// No operation allocates.</para>
/// </remarks>
public readonly partial struct UInt256 :
    IEquatable<UInt256>, IComparable<UInt256>, IComparable, ISpanFormattable, IParsable<UInt256>,
    IComparisonOperators<UInt256, UInt256, bool>, IMinMaxValue<UInt256>,
    IAdditiveIdentity<UInt256, UInt256>, IMultiplicativeIdentity<UInt256, UInt256>
{
    /// <summary>The length of the little-endian byte form.</summary>
    public const int Size = 32;

    // Limbs, least significant first.
    private readonly ulong _u0, _u1, _u2, _u3;

    /// <summary>Creates the number <paramref name="value"/>.</summary>
    public UInt256(ulong value) => _u0 = value;

    /// <summary>Creates a number from its four 64-bit limbs, most significant first (like <see cref="UInt128(ulong, ulong)"/>).</summary>
    public UInt256(ulong u3, ulong u2, ulong u1, ulong u0)
    {
        _u0 = u0;
        _u1 = u1;
        _u2 = u2;
        _u3 = u3;
    }

    /// <summary>Reads a number from exactly 32 little-endian bytes (the byte order of a hash in internal order).</summary>
    /// <exception cref="ArgumentException">The span is not 32 bytes long.</exception>
    public UInt256(ReadOnlySpan<byte> littleEndian)
    {
        if (littleEndian.Length != Size)
            throw new ArgumentException($"A 256-bit number is {Size} bytes; got {littleEndian.Length}.", nameof(littleEndian));
        _u0 = BinaryPrimitives.ReadUInt64LittleEndian(littleEndian);
        _u1 = BinaryPrimitives.ReadUInt64LittleEndian(littleEndian[8..]);
        _u2 = BinaryPrimitives.ReadUInt64LittleEndian(littleEndian[16..]);
        _u3 = BinaryPrimitives.ReadUInt64LittleEndian(littleEndian[24..]);
    }

    /// <summary>
    /// Reads a hash as a number, the way proof of work compares a block hash with its target: the hash's
    /// internal byte order is little-endian, so the last byte (the first in display form) is the most significant.
    /// </summary>
    public UInt256(Hash256 hash)
        : this(Hash256.AsBytes(in hash))
    {
    }

    /// <summary>A block hash as the number compared with the block's target.</summary>
    public static UInt256 FromBlockHash(BlockHash hash) => new(hash.Value);

    /// <summary>Zero.</summary>
    public static UInt256 Zero => default;

    /// <summary>One.</summary>
    public static UInt256 One => new(1UL);

    /// <summary>2^256 - 1.</summary>
    public static UInt256 MaxValue => new(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue);

    /// <summary>Zero, the smallest value.</summary>
    public static UInt256 MinValue => default;

    /// <inheritdoc />
    static UInt256 IAdditiveIdentity<UInt256, UInt256>.AdditiveIdentity => Zero;

    /// <inheritdoc />
    static UInt256 IMultiplicativeIdentity<UInt256, UInt256>.MultiplicativeIdentity => One;

    /// <summary>Whether the value is zero.</summary>
    public bool IsZero => (_u0 | _u1 | _u2 | _u3) == 0;

    /// <summary>
    /// The number of bits needed to write the value: 0 for zero, otherwise one more than the index of the
    /// highest set bit (Bitcoin Core's <c>bits()</c>).
    /// </summary>
    public int GetBitLength() =>
        _u3 != 0 ? 256 - BitOperations.LeadingZeroCount(_u3)
        : _u2 != 0 ? 192 - BitOperations.LeadingZeroCount(_u2)
        : _u1 != 0 ? 128 - BitOperations.LeadingZeroCount(_u1)
        : 64 - BitOperations.LeadingZeroCount(_u0);

    /// <summary>The least significant 64 bits.</summary>
    public ulong Low64 => _u0;

    /// <summary>Writes the 32 little-endian bytes into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than 32 bytes.</exception>
    public void WriteLittleEndian(Span<byte> destination)
    {
        if (destination.Length < Size)
            throw new ArgumentException($"Destination needs {Size} bytes.", nameof(destination));
        BinaryPrimitives.WriteUInt64LittleEndian(destination, _u0);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], _u1);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], _u2);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], _u3);
    }

    /// <summary>The value as a hash in internal order (the inverse of <see cref="UInt256(Hash256)"/>).</summary>
    public Hash256 ToHash256()
    {
        Span<byte> bytes = stackalloc byte[Size];
        WriteLittleEndian(bytes);
        return new Hash256(bytes);
    }

    /// <summary>The value as 64 lowercase hex digits, most significant first (Bitcoin Core's <c>GetHex</c>).</summary>
    public override string ToString() => string.Create(Size * 2, this, static (chars, value) => value.TryFormat(chars, out _, default, null));

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <summary>Writes 64 lowercase hex digits, most significant first.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        if (destination.Length < Size * 2)
            return false;
        Span<byte> bytes = stackalloc byte[Size];
        WriteLittleEndian(bytes);
        bytes.Reverse();
        return Convert.TryToHexStringLower(bytes, destination, out charsWritten);
    }

    /// <summary>Parses 1 to 64 hex digits, most significant first, with an optional <c>0x</c> prefix.</summary>
    /// <exception cref="FormatException">Not 1 to 64 hex digits.</exception>
    public static UInt256 Parse(string s) =>
        TryParse(s, out var value) ? value : throw new FormatException("A 256-bit number is written as 1 to 64 hexadecimal digits.");

    /// <inheritdoc cref="Parse(string)" />
    public static UInt256 Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <summary>Parses 1 to 64 hex digits, most significant first, with an optional <c>0x</c> prefix; false otherwise.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out UInt256 result)
    {
        result = default;
        if (s is null)
            return false;
        ReadOnlySpan<char> digits = s.AsSpan();
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            digits = digits[2..];
        if (digits.IsEmpty || digits.Length > Size * 2)
            return false;
        Span<byte> bytes = stackalloc byte[Size];
        bytes.Clear();
        // Right-align the digits so an odd count reads as a leading zero nibble.
        for (int i = 0; i < digits.Length; i++)
        {
            int nibble = HexValue(digits[digits.Length - 1 - i]);
            if (nibble < 0)
                return false;
            bytes[i / 2] |= (byte)(nibble << (4 * (i & 1)));
        }
        result = new UInt256(bytes);
        return true;
    }

    /// <inheritdoc cref="TryParse(string?, out UInt256)" />
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out UInt256 result) => TryParse(s, out result);

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>The value as a <see cref="BigInteger"/> (for tests and display; not used on hot paths).</summary>
    public static explicit operator BigInteger(UInt256 value)
    {
        Span<byte> bytes = stackalloc byte[Size];
        value.WriteLittleEndian(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
    }

    /// <summary>Converts a <see cref="BigInteger"/> in [0, 2^256).</summary>
    /// <exception cref="OverflowException">The value is negative or needs more than 256 bits.</exception>
    public static explicit operator UInt256(BigInteger value)
    {
        if (value.Sign < 0 || value.GetBitLength() > 256)
            throw new OverflowException("The value is outside [0, 2^256).");
        Span<byte> bytes = stackalloc byte[Size];
        bytes.Clear();
        value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        return new UInt256(bytes);
    }

    /// <summary>Widens a 64-bit value.</summary>
    public static implicit operator UInt256(ulong value) => new(value);

    /// <summary>The low 64 bits (truncating, like the built-in narrowing conversions).</summary>
    public static explicit operator ulong(UInt256 value) => value._u0;

    /// <summary>The value as 64 bits.</summary>
    /// <exception cref="OverflowException">The value needs more than 64 bits.</exception>
    public static explicit operator checked ulong(UInt256 value) =>
        (value._u1 | value._u2 | value._u3) == 0 ? value._u0 : throw new OverflowException("The value needs more than 64 bits.");

    /// <inheritdoc />
    public bool Equals(UInt256 other) => _u0 == other._u0 && _u1 == other._u1 && _u2 == other._u2 && _u3 == other._u3;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is UInt256 other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_u0, _u1, _u2, _u3);

    /// <summary>Numeric order.</summary>
    public int CompareTo(UInt256 other) =>
        _u3 != other._u3 ? _u3.CompareTo(other._u3)
        : _u2 != other._u2 ? _u2.CompareTo(other._u2)
        : _u1 != other._u1 ? _u1.CompareTo(other._u1)
        : _u0.CompareTo(other._u0);

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        UInt256 other => CompareTo(other),
        _ => throw new ArgumentException("The object is not a UInt256.", nameof(obj)),
    };

    /// <summary>Whether the values are equal.</summary>
    public static bool operator ==(UInt256 left, UInt256 right) => left.Equals(right);

    /// <summary>Whether the values differ.</summary>
    public static bool operator !=(UInt256 left, UInt256 right) => !left.Equals(right);

    /// <summary>Numeric less-than.</summary>
    public static bool operator <(UInt256 left, UInt256 right) => left.CompareTo(right) < 0;

    /// <summary>Numeric greater-than.</summary>
    public static bool operator >(UInt256 left, UInt256 right) => left.CompareTo(right) > 0;

    /// <summary>Numeric less-than-or-equal.</summary>
    public static bool operator <=(UInt256 left, UInt256 right) => left.CompareTo(right) <= 0;

    /// <summary>Numeric greater-than-or-equal.</summary>
    public static bool operator >=(UInt256 left, UInt256 right) => left.CompareTo(right) >= 0;
}
