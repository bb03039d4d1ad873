using Antimony.Primitives.Addresses;

namespace Antimony.Primitives.Tests.Addresses;

public class Bech32Tests
{
    private const string Alphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

    // bip-0173.mediawiki, "Test vectors": valid Bech32 strings.
    [Theory]
    [InlineData("A12UEL5L")]
    [InlineData("a12uel5l")]
    [InlineData("an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs")]
    [InlineData("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw")]
    [InlineData("11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j")]
    [InlineData("split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w")]
    [InlineData("?1ezyfcl")]
    public void Bip173_valid_strings_decode_as_bech32_and_reencode(string text) =>
        AssertValid(text, Bech32Encoding.Bech32);

    // bip-0350.mediawiki, "Test vectors for Bech32m": valid Bech32m strings (and so invalid Bech32).
    [Theory]
    [InlineData("A1LQFN3A")]
    [InlineData("a1lqfn3a")]
    [InlineData("an83characterlonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11sg7hg6")]
    [InlineData("abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx")]
    [InlineData("11llllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllludsr8")]
    [InlineData("split1checkupstagehandshakeupstreamerranterredcaperredlc445v")]
    [InlineData("?1v759aa")]
    public void Bip350_valid_strings_decode_as_bech32m_and_reencode(string text) =>
        AssertValid(text, Bech32Encoding.Bech32m);

    private static void AssertValid(string text, Bech32Encoding expected)
    {
        Assert.True(Bech32.TryDecode(text, out string hrp, out byte[] values, out var encoding, out var error), error.ToString());
        Assert.Equal(AddressError.None, error);
        Assert.Equal(expected, encoding);
        Assert.Equal(text.ToLowerInvariant(), Bech32.Encode(hrp, values, encoding));
        // The other variant's checksum over the same data is different, so no string is valid as both.
        var other = expected == Bech32Encoding.Bech32 ? Bech32Encoding.Bech32m : Bech32Encoding.Bech32;
        Assert.NotEqual(text.ToLowerInvariant(), Bech32.Encode(hrp, values, other));
    }

    // The invalid strings of both BIPs, each with the error that matches the BIP's stated reason.
    public static TheoryData<string, AddressError> InvalidStrings => new()
    {
        // bip-0173.mediawiki
        { "\u0020" + "1nwldj5", AddressError.InvalidHrpCharacter },
        { "\u007F" + "1axkwrx", AddressError.InvalidHrpCharacter },
        { "\u0080" + "1eym55h", AddressError.InvalidHrpCharacter },
        { "an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx", AddressError.TooLong },
        { "pzry9x0s0muk", AddressError.NoSeparator },
        { "1pzry9x0s0muk", AddressError.EmptyHrp },
        { "x1b4n0q5v", AddressError.InvalidDataCharacter },
        { "li1dgmt3", AddressError.ChecksumTooShort },
        { "de1lg7wt" + "\u00FF", AddressError.InvalidDataCharacter },
        { "A1G7SGD8", AddressError.InvalidChecksum },
        { "10a06t8", AddressError.EmptyHrp },
        { "1qzzfhee", AddressError.EmptyHrp },
        // bip-0350.mediawiki
        { "\u0020" + "1xj0phk", AddressError.InvalidHrpCharacter },
        { "\u007F" + "1g6xzxy", AddressError.InvalidHrpCharacter },
        { "\u0080" + "1vctc34", AddressError.InvalidHrpCharacter },
        { "an84characterslonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11d6pts4", AddressError.TooLong },
        { "qyrz8wqd2c9m", AddressError.NoSeparator },
        { "1qyrz8wqd2c9m", AddressError.EmptyHrp },
        { "y1b0jsk6g", AddressError.InvalidDataCharacter },
        { "lt1igcx5c0", AddressError.InvalidDataCharacter },
        { "in1muywd", AddressError.ChecksumTooShort },
        { "mm1crxm3i", AddressError.InvalidDataCharacter },
        { "au1s5cgom", AddressError.InvalidDataCharacter },
        { "M1VUXWEZ", AddressError.InvalidChecksum },
        { "16plkw9", AddressError.EmptyHrp },
        { "1p2gdwpf", AddressError.EmptyHrp },
        // Our own: empty input, and a non-ASCII letter that culture-aware lowering would turn into 'k'.
        { "", AddressError.NoSeparator },
        { "a1" + "\u212A" + "qqqqqq", AddressError.InvalidDataCharacter },
    };

    [Theory]
    [MemberData(nameof(InvalidStrings))]
    public void Bip_invalid_strings_fail_with_their_stated_reason(string text, AddressError expected)
    {
        Assert.False(Bech32.TryDecode(text, out _, out _, out _, out var error));
        Assert.Equal(expected, error);
        var thrown = Assert.Throws<AddressException>(() => Bech32.Decode(text, out _, out _));
        Assert.Equal(expected, thrown.Error);
    }

    [Fact]
    public void Null_is_rejected_without_throwing() =>
        Assert.False(Bech32.TryDecode(null, out _, out _, out _, out _));

    [Theory]
    [InlineData("")]
    [InlineData("Ab")]
    [InlineData("a b")]
    public void Encoding_rejects_an_invalid_hrp(string hrp) =>
        Assert.Throws<ArgumentException>(() => Bech32.Encode(hrp, [1, 2], Bech32Encoding.Bech32));

    [Fact]
    public void Encoding_rejects_values_above_31_and_strings_over_90_characters()
    {
        Assert.Throws<ArgumentException>(() => Bech32.Encode("a", [32], Bech32Encoding.Bech32));
        Assert.Throws<ArgumentException>(() => Bech32.Encode("a", new byte[83], Bech32Encoding.Bech32m));
        Assert.Equal(90, Bech32.Encode("a", new byte[82], Bech32Encoding.Bech32m).Length);
    }

    internal static Gen<string> Hrps { get; } =
        from length in Gen.Choose(1, 12)
        from chars in Gen.Choose(33, 126).Where(c => c is < 'A' or > 'Z').ArrayOf(length)
        select new string(chars.Select(c => (char)c).ToArray());

    private static Gen<(string Hrp, byte[] Values, Bech32Encoding Encoding)> Strings { get; } =
        from hrp in Hrps
        from length in Gen.Choose(0, Bech32.MaxLength - hrp.Length - 1 - Bech32.ChecksumLength)
        from values in Gen.Choose(0, 31).Select(v => (byte)v).ArrayOf(length)
        from encoding in Gen.Elements(Bech32Encoding.Bech32, Bech32Encoding.Bech32m)
        select (hrp, values, encoding);

    [Property(MaxTest = 400)]
    public Property Encode_then_decode_round_trips_in_either_case() =>
        Prop.ForAll(Strings.ToArbitrary(), s =>
        {
            string text = Bech32.Encode(s.Hrp, s.Values, s.Encoding);
            bool lowerOk = Bech32.TryDecode(text, out string hrp, out byte[] values, out var encoding, out _)
                && hrp == s.Hrp && values.SequenceEqual(s.Values) && encoding == s.Encoding;
            bool upperOk = Bech32.TryDecode(text.ToUpperInvariant(), out string hrpUpper, out byte[] valuesUpper, out _, out _)
                && hrpUpper == s.Hrp && valuesUpper.SequenceEqual(s.Values);
            return (lowerOk && upperOk && text.Length <= Bech32.MaxLength).Label(text);
        });

    [Property(MaxTest = 400)]
    public Property Any_single_substitution_in_the_data_part_is_detected() =>
        Prop.ForAll(Strings.ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), Gen.Choose(1, 31).ToArbitrary(), (s, where, shift) =>
        {
            string text = Bech32.Encode(s.Hrp, s.Values, s.Encoding);
            int dataStart = s.Hrp.Length + 1;
            int index = dataStart + where % (text.Length - dataStart);
            char replaced = Alphabet[(Alphabet.IndexOf(text[index]) + shift) % 32];
            string mutated = text[..index] + replaced + text[(index + 1)..];
            bool rejected = !Bech32.TryDecode(mutated, out _, out _, out _, out var error) && error == AddressError.InvalidChecksum;
            return rejected.Label(mutated);
        });

    [Property(MaxTest = 300)]
    public Property Base32_regrouping_round_trips(byte[] bytes)
    {
        byte[] values = Bech32.ToBase32(bytes);
        bool ok = Bech32.TryFromBase32(values, out byte[] back, out var error);
        return (ok && error == AddressError.None && back.SequenceEqual(bytes) && values.All(v => v < 32)).Label(Convert.ToHexString(bytes));
    }

    [Fact]
    public void Base32_regrouping_rejects_bad_padding_with_specific_errors()
    {
        // 2 values = 10 bits: one byte and 2 padding bits, which must be zero.
        Assert.True(Bech32.TryFromBase32([31, 28], out byte[] ok, out _));
        Assert.Equal([0xff], ok);
        Assert.False(Bech32.TryFromBase32([31, 29], out _, out var nonZero));
        Assert.Equal(AddressError.NonZeroPadding, nonZero);
        // 1 value = 5 bits: a whole group of padding.
        Assert.False(Bech32.TryFromBase32([0], out _, out var excess));
        Assert.Equal(AddressError.ExcessPadding, excess);
    }
}
