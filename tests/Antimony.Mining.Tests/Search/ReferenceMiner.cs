using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace Antimony.Mining.Tests.Search;

/// <summary>The obvious, slow definitions the kernels are checked against: the platform's SHA-256 and BigInteger comparison.</summary>
internal static class ReferenceMiner
{
    public static byte[] HeaderWithNonce(ReadOnlySpan<byte> header, uint nonce)
    {
        byte[] copy = header[..80].ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(76), nonce);
        return copy;
    }

    public static byte[] BlockHash(ReadOnlySpan<byte> header) => SHA256.HashData(SHA256.HashData(header));

    public static BigInteger AsNumber(ReadOnlySpan<byte> littleEndian) => new(littleEndian, isUnsigned: true, isBigEndian: false);

    public static List<uint> Search(ReadOnlySpan<byte> header, byte[] target, uint start, ulong end)
    {
        var found = new List<uint>();
        BigInteger limit = AsNumber(target);
        for (ulong n = start; n < end; n++)
        {
            if (AsNumber(BlockHash(HeaderWithNonce(header, (uint)n))) <= limit)
                found.Add((uint)n);
        }
        return found;
    }

    /// <summary>Bitcoin's compact "nBits" to a 32-byte little-endian target (positive, non-overflowing values only).</summary>
    public static byte[] TargetFromBits(uint bits)
    {
        int exponent = (int)(bits >> 24);
        BigInteger mantissa = bits & 0x007fffff;
        BigInteger target = exponent <= 3 ? mantissa >> (8 * (3 - exponent)) : mantissa << (8 * (exponent - 3));
        return ToTarget(target);
    }

    public static byte[] ToTarget(BigInteger value)
    {
        var bytes = new byte[32];
        value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        return bytes;
    }
}
