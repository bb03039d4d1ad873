using System.Numerics;
using System.Security.Cryptography;
using Antimony.Primitives.Hashing;

namespace Antimony.Wallet.Keys;

/// <summary>
/// Bitcoin's Base58Check: Base58 (no 0, O, I, l) of payload + the first 4 bytes of its double SHA-256.
/// Used here only for BIP32's xprv/xpub strings, so simplicity beats speed.
/// </summary>
internal static class Base58Check
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static string Encode(ReadOnlySpan<byte> payload)
    {
        var data = new byte[payload.Length + 4];
        payload.CopyTo(data);
        var checksum = Sha256d.Hash(payload);
        Hash256.AsBytes(in checksum)[..4].CopyTo(data.AsSpan(payload.Length));
        var value = new BigInteger(data, isUnsigned: true, isBigEndian: true);
        var chars = new List<char>(data.Length * 138 / 100 + 2);
        while (value > 0)
        {
            value = BigInteger.DivRem(value, 58, out var remainder);
            chars.Add(Alphabet[(int)remainder]);
        }
        // Each leading zero byte is written as a leading '1'.
        for (int i = 0; i < data.Length && data[i] == 0; i++)
            chars.Add('1');
        chars.Reverse();
        return new string([.. chars]);
    }

    /// <summary>The payload, or null when the text has a non-Base58 character or a wrong checksum.</summary>
    public static byte[]? TryDecode(string text, out bool badChecksum)
    {
        badChecksum = false;
        BigInteger value = BigInteger.Zero;
        int leadingOnes = 0;
        bool leading = true;
        foreach (char c in text)
        {
            int digit = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
                return null;
            if (leading && digit == 0)
                leadingOnes++;
            else
                leading = false;
            value = value * 58 + digit;
        }
        byte[] body = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var data = new byte[leadingOnes + body.Length];
        body.CopyTo(data, leadingOnes);
        if (data.Length < 4)
            return null;
        var payload = data.AsSpan(0, data.Length - 4);
        var checksum = Sha256d.Hash(payload);
        if (!CryptographicOperations.FixedTimeEquals(Hash256.AsBytes(in checksum)[..4], data.AsSpan(data.Length - 4)))
        {
            badChecksum = true;
            return null;
        }
        return payload.ToArray();
    }
}
