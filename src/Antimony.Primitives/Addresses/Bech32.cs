using System.Diagnostics.CodeAnalysis;

namespace Antimony.Primitives.Addresses;

/// <summary>
/// BIP173 bech32 and BIP350 bech32m: a human-readable part (HRP), the separator <c>1</c>, then 5-bit values
/// written in a 32-character alphabet and protected by a 6-character BCH checksum.
/// </summary>
/// <remarks>
/// Decoding auto-detects the checksum variant; which variant a witness version requires is the segwit
/// layer's rule (<see cref="SegwitAddress"/>). Rules enforced here: at most 90 characters, a non-empty HRP of
/// US-ASCII 33-126, the last <c>1</c> as separator, at least 6 data characters, every data character in the
/// alphabet, and no mixing of upper- and lowercase. Encoders write lowercase only.
/// </remarks>
public static class Bech32
{
    /// <summary>BIP173's limit on the whole string.</summary>
    public const int MaxLength = 90;

    /// <summary>The number of checksum characters.</summary>
    public const int ChecksumLength = 6;

    private const string Alphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private const uint Bech32Constant = 1;
    private const uint Bech32mConstant = 0x2bc830a3;

    // Reverse alphabet over lowercase ASCII; -1 marks characters outside the alphabet.
    private static readonly sbyte[] s_values = BuildReverseAlphabet();

    /// <summary>Encodes <paramref name="hrp"/> and 5-bit <paramref name="values"/> with the chosen checksum, in lowercase.</summary>
    /// <exception cref="ArgumentException">The HRP is empty, has a character outside 33-126 or an uppercase letter,
    /// a value is 32 or more, or the result would exceed 90 characters.</exception>
    public static string Encode(string hrp, ReadOnlySpan<byte> values, Bech32Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(hrp);
        if (hrp.Length == 0 || hrp.Any(c => c is < (char)33 or > (char)126 or (>= 'A' and <= 'Z')))
            throw new ArgumentException("A bech32 HRP is 1 or more lowercase US-ASCII characters in 33-126.", nameof(hrp));
        int length = hrp.Length + 1 + values.Length + ChecksumLength;
        if (length > MaxLength)
            throw new ArgumentException($"The bech32 string would be {length} characters; the limit is {MaxLength}.", nameof(values));
        uint checksum = ExpandHrp(hrp);
        foreach (byte v in values)
        {
            if (v >= 32)
                throw new ArgumentException("Bech32 values are 5-bit (0-31).", nameof(values));
            checksum = PolyMod(checksum, v);
        }
        for (int i = 0; i < ChecksumLength; i++)
            checksum = PolyMod(checksum, 0);
        checksum ^= ConstantOf(encoding);

        var chars = new char[length];
        hrp.CopyTo(chars);
        chars[hrp.Length] = '1';
        int pos = hrp.Length + 1;
        foreach (byte v in values)
            chars[pos++] = Alphabet[v];
        for (int i = 0; i < ChecksumLength; i++)
            chars[pos++] = Alphabet[(int)(checksum >> (5 * (5 - i))) & 31];
        return new string(chars);
    }

    /// <summary>Decodes a bech32 or bech32m string.</summary>
    /// <returns>The HRP in lowercase.</returns>
    /// <exception cref="AddressException">The string breaks a bech32 rule; <see cref="AddressException.Error"/> says which.</exception>
    public static string Decode(string text, out byte[] values, out Bech32Encoding encoding) =>
        TryDecode(text, out var hrp, out values, out encoding, out var error)
            ? hrp
            : throw new AddressException(error, "Not a valid bech32 or bech32m string.");

    /// <summary>Decodes a bech32 or bech32m string; on failure <paramref name="error"/> says which rule it breaks.</summary>
    /// <param name="text">The string.</param>
    /// <param name="hrp">The human-readable part in lowercase.</param>
    /// <param name="values">The 5-bit values between the separator and the checksum.</param>
    /// <param name="encoding">The checksum variant found.</param>
    /// <param name="error">Why the string is invalid, or <see cref="AddressError.None"/>.</param>
    public static bool TryDecode(
        [NotNullWhen(true)] string? text, out string hrp, out byte[] values, out Bech32Encoding encoding, out AddressError error)
    {
        hrp = "";
        values = [];
        encoding = default;
        error = Check(text, out int separator);
        if (error != AddressError.None)
            return false;

        // Every character is ASCII once Check passes, so invariant lowering is plain ASCII lowering.
        string lower = text!.ToLowerInvariant();
        uint checksum = ExpandHrp(lower.AsSpan(0, separator));
        int dataLength = text.Length - separator - 1;
        var data = new byte[dataLength];
        for (int i = 0; i < dataLength; i++)
        {
            data[i] = (byte)s_values[lower[separator + 1 + i]];
            checksum = PolyMod(checksum, data[i]);
        }
        if (checksum == Bech32Constant)
            encoding = Bech32Encoding.Bech32;
        else if (checksum == Bech32mConstant)
            encoding = Bech32Encoding.Bech32m;
        else
        {
            error = AddressError.InvalidChecksum;
            return false;
        }
        hrp = lower[..separator];
        values = data[..^ChecksumLength];
        return true;
    }

    /// <summary>Regroups bytes into 5-bit values, most significant bit first, padding the last group with zeros.</summary>
    public static byte[] ToBase32(ReadOnlySpan<byte> bytes)
    {
        var result = new byte[(bytes.Length * 8 + 4) / 5];
        int acc = 0, bits = 0, pos = 0;
        foreach (byte b in bytes)
        {
            acc = (acc << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                result[pos++] = (byte)((acc >> bits) & 31);
            }
        }
        if (bits > 0)
            result[pos] = (byte)((acc << (5 - bits)) & 31);
        return result;
    }

    /// <summary>
    /// Regroups 5-bit values into bytes. Per BIP173 the incomplete group left at the end must be at most
    /// 4 bits (<see cref="AddressError.ExcessPadding"/>) and all zero (<see cref="AddressError.NonZeroPadding"/>).
    /// </summary>
    public static bool TryFromBase32(ReadOnlySpan<byte> values, out byte[] bytes, out AddressError error)
    {
        bytes = [];
        var result = new byte[values.Length * 5 / 8];
        int acc = 0, bits = 0, pos = 0;
        foreach (byte v in values)
        {
            if (v >= 32)
            {
                error = AddressError.InvalidDataCharacter;
                return false;
            }
            acc = ((acc << 5) | v) & 0xfff;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                result[pos++] = (byte)(acc >> bits);
            }
        }
        error = bits >= 5 ? AddressError.ExcessPadding
            : (acc & ((1 << bits) - 1)) != 0 ? AddressError.NonZeroPadding
            : AddressError.None;
        if (error != AddressError.None)
            return false;
        bytes = result;
        return true;
    }

    // Every rule that needs no checksum arithmetic, in an order that gives each BIP vector its stated reason.
    private static AddressError Check(string? text, out int separator)
    {
        separator = -1;
        if (string.IsNullOrEmpty(text))
            return AddressError.NoSeparator;
        if (text.Length > MaxLength)
            return AddressError.TooLong;
        separator = text.LastIndexOf('1');
        if (separator < 0)
            return AddressError.NoSeparator;
        if (separator == 0)
            return AddressError.EmptyHrp;
        for (int i = 0; i < separator; i++)
        {
            if (text[i] is < (char)33 or > (char)126)
                return AddressError.InvalidHrpCharacter;
        }
        if (text.Length - separator - 1 < ChecksumLength)
            return AddressError.ChecksumTooShort;
        for (int i = separator + 1; i < text.Length; i++)
        {
            // ASCII-only lowering: culture-aware lowering maps e.g. the Kelvin sign to 'k'.
            char c = text[i] is >= 'A' and <= 'Z' ? (char)(text[i] | 0x20) : text[i];
            if (c >= 128 || s_values[c] < 0)
                return AddressError.InvalidDataCharacter;
        }
        bool hasLower = false, hasUpper = false;
        foreach (char c in text)
        {
            hasLower |= c is >= 'a' and <= 'z';
            hasUpper |= c is >= 'A' and <= 'Z';
        }
        return hasLower && hasUpper ? AddressError.MixedCase : AddressError.None;
    }

    private static uint ConstantOf(Bech32Encoding encoding) => encoding switch
    {
        Bech32Encoding.Bech32 => Bech32Constant,
        Bech32Encoding.Bech32m => Bech32mConstant,
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Unknown bech32 variant."),
    };

    // Feeds the HRP's high bits, a zero, then its low bits (BIP173's hrp_expand) into a fresh checksum.
    private static uint ExpandHrp(ReadOnlySpan<char> hrp)
    {
        uint checksum = 1;
        foreach (char c in hrp)
            checksum = PolyMod(checksum, c >> 5);
        checksum = PolyMod(checksum, 0);
        foreach (char c in hrp)
            checksum = PolyMod(checksum, c & 31);
        return checksum;
    }

    // One step of BIP173's BCH checksum over GF(32).
    private static uint PolyMod(uint checksum, int value)
    {
        uint top = checksum >> 25;
        checksum = ((checksum & 0x1ffffff) << 5) ^ (uint)value;
        if ((top & 1) != 0) checksum ^= 0x3b6a57b2;
        if ((top & 2) != 0) checksum ^= 0x26508e6d;
        if ((top & 4) != 0) checksum ^= 0x1ea119fa;
        if ((top & 8) != 0) checksum ^= 0x3d4233dd;
        if ((top & 16) != 0) checksum ^= 0x2a1462b3;
        return checksum;
    }

    private static sbyte[] BuildReverseAlphabet()
    {
        var table = new sbyte[128];
        Array.Fill(table, (sbyte)-1);
        for (int i = 0; i < Alphabet.Length; i++)
            table[Alphabet[i]] = (sbyte)i;
        return table;
    }
}
