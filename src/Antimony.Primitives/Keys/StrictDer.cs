using Antimony.Primitives.Serialization;
using Org.BouncyCastle.Math;

namespace Antimony.Primitives.Keys;

/// <summary>
/// BIP66's strict DER for ECDSA signatures: <c>0x30 len 0x02 lenR R 0x02 lenS S</c> with minimal,
/// non-negative integers and no trailing bytes. Here the sighash byte is not part of the input, so
/// every length in BIP66's <c>IsValidSignatureEncoding</c> is one smaller.
/// </summary>
internal static class StrictDer
{
    /// <summary>Parses and range-checks; returns <see cref="DecodeError.None"/> on success.</summary>
    public static DecodeError TryRead(ReadOnlySpan<byte> der, out EcdsaSignature signature, out int position, out string reason)
    {
        signature = default;
        position = 0;
        reason = string.Empty;
        int length = der.Length;
        if (length < EcdsaSignature.MinDerLength)
            return Fail(DecodeError.Truncated, length, "A DER signature is at least 8 bytes.", out position, out reason);
        if (length > EcdsaSignature.MaxDerLength)
            return Fail(DecodeError.Oversized, EcdsaSignature.MaxDerLength, "A DER signature is at most 72 bytes.", out position, out reason);
        if (der[0] != 0x30)
            return Fail(DecodeError.InvalidValue, 0, "A DER signature starts with a compound (0x30) tag.", out position, out reason);
        if (der[1] != length - 2)
            return Fail(DecodeError.InvalidValue, 1, "The DER sequence length does not cover exactly the rest of the input.", out position, out reason);
        int lengthR = der[3];
        if (5 + lengthR >= length)
            return Fail(DecodeError.InvalidValue, 3, "The length of R leaves no room for S.", out position, out reason);
        int lengthS = der[5 + lengthR];
        if (lengthR + lengthS + 6 != length)
            return Fail(DecodeError.InvalidValue, 5 + lengthR, "The lengths of R and S do not add up to the signature length.", out position, out reason);
        if (!IsMinimalPositiveInteger(der, 2, lengthR, out position, out reason))
            return DecodeError.InvalidValue;
        if (!IsMinimalPositiveInteger(der, 4 + lengthR, lengthS, out position, out reason))
            return DecodeError.InvalidValue;

        var r = new BigInteger(1, der.Slice(4, lengthR));
        var s = new BigInteger(1, der.Slice(6 + lengthR, lengthS));
        if (!Secp256k1.IsValidScalar(r) || !Secp256k1.IsValidScalar(s))
            return Fail(DecodeError.InvalidValue, 4, "r and s must be in [1, n-1].", out position, out reason);
        signature = new EcdsaSignature(r, s);
        return DecodeError.None;
    }

    // An INTEGER element at tagAt: tag 0x02, non-empty, not negative, no needless leading zero (BIP66).
    private static bool IsMinimalPositiveInteger(ReadOnlySpan<byte> der, int tagAt, int length, out int position, out string reason)
    {
        position = tagAt;
        reason = string.Empty;
        if (der[tagAt] != 0x02)
            reason = "An integer element must have tag 0x02.";
        else if (length == 0)
            reason = "Zero-length integers are not allowed.";
        else if ((der[tagAt + 2] & 0x80) != 0)
            reason = "Negative integers are not allowed.";
        else if (length > 1 && der[tagAt + 2] == 0x00 && (der[tagAt + 3] & 0x80) == 0)
            reason = "Integers must not have a needless leading zero byte.";
        return reason.Length == 0;
    }

    private static DecodeError Fail(DecodeError error, int at, string message, out int position, out string reason)
    {
        position = at;
        reason = message;
        return error;
    }

    /// <summary>The DER content length of a positive integer: its bytes, plus a zero byte when the top bit is set.</summary>
    public static int IntegerLength(BigInteger value) => value.BitLength / 8 + 1;

    /// <summary>Writes the DER form of (r, s); returns the byte count.</summary>
    public static int Write(BigInteger r, BigInteger s, Span<byte> destination)
    {
        int lengthR = IntegerLength(r), lengthS = IntegerLength(s), total = 6 + lengthR + lengthS;
        if (destination.Length < total)
            throw new ArgumentException($"The DER signature needs {total} bytes.", nameof(destination));
        destination[0] = 0x30;
        destination[1] = (byte)(total - 2);
        WriteInteger(r, lengthR, destination[2..]);
        WriteInteger(s, lengthS, destination[(4 + lengthR)..]);
        return total;
    }

    private static void WriteInteger(BigInteger value, int length, Span<byte> destination)
    {
        destination[0] = 0x02;
        destination[1] = (byte)length;
        // AsUnsignedByteArray right-aligns, leaving the leading zero in place when the top bit is set.
        destination.Slice(2, length).Clear();
        Org.BouncyCastle.Utilities.BigIntegers.AsUnsignedByteArray(value, destination.Slice(2, length));
    }
}
