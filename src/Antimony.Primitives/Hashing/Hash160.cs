using System.Buffers.Binary;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;

namespace Antimony.Primitives.Hashing;

/// <summary>
/// A 20-byte <c>RIPEMD-160(SHA-256(x))</c> value: what a P2WPKH output commits to (the hash of a
/// compressed public key).
/// </summary>
/// <remarks>RIPEMD-160 comes from BouncyCastle because the platform offers none on Linux.</remarks>
public readonly struct Hash160 : IEquatable<Hash160>
{
    /// <summary>The length in bytes.</summary>
    public const int Size = 20;

    private readonly ulong _w0, _w1;
    private readonly uint _w2;

    /// <summary>Reads a value from exactly 20 bytes.</summary>
    /// <exception cref="ArgumentException">The span is not 20 bytes long.</exception>
    public Hash160(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
            throw new ArgumentException($"A HASH160 is {Size} bytes; got {bytes.Length}.", nameof(bytes));
        _w0 = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        _w1 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]);
        _w2 = BinaryPrimitives.ReadUInt32LittleEndian(bytes[16..]);
    }

    /// <summary>Computes <c>RIPEMD-160(SHA-256(data))</c>.</summary>
    public static Hash160 Compute(ReadOnlySpan<byte> data)
    {
        Span<byte> sha = stackalloc byte[32];
        SHA256.HashData(data, sha);
        var ripemd = new RipeMD160Digest();
        ripemd.BlockUpdate(sha);
        Span<byte> result = stackalloc byte[Size];
        ripemd.DoFinal(result);
        return new Hash160(result);
    }

    /// <summary>Copies the 20 bytes into <paramref name="destination"/>.</summary>
    public void CopyTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, _w0);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], _w1);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[16..], _w2);
    }

    /// <summary>A new array with the 20 bytes.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Size];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>The bytes as lowercase hex, in their natural order (HASH160 values are not shown reversed).</summary>
    public override string ToString() => Convert.ToHexStringLower(ToArray());

    /// <inheritdoc />
    public bool Equals(Hash160 other) => _w0 == other._w0 && _w1 == other._w1 && _w2 == other._w2;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Hash160 other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_w0, _w1, _w2);

    /// <summary>Whether two values are equal.</summary>
    public static bool operator ==(Hash160 left, Hash160 right) => left.Equals(right);

    /// <summary>Whether two values differ.</summary>
    public static bool operator !=(Hash160 left, Hash160 right) => !left.Equals(right);
}
