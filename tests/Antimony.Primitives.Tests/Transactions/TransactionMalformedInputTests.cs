using Antimony.Primitives.Serialization;
using Antimony.Primitives.Transactions;

namespace Antimony.Primitives.Tests.Transactions;

public class TransactionMalformedInputTests
{
    [Property(MaxTest = 200)]
    public Property Every_truncation_of_a_valid_encoding_fails_as_truncated() =>
        Prop.ForAll(TransactionGen.Arbitrary(), tx =>
        {
            byte[] bytes = tx.ToBytes();
            for (int length = 0; length < bytes.Length; length++)
            {
                var error = ErrorOf(bytes.AsSpan(0, length));
                if (error != DecodeError.Truncated)
                    return false.Label($"prefix {length} of {bytes.Length}: {error} for {tx.ToHex()}");
            }
            return true.ToProperty();
        });

    [Property(MaxTest = 200)]
    public Property Trailing_bytes_are_rejected_as_trailing_data() =>
        Prop.ForAll(TransactionGen.Arbitrary(), Arb.From(Gen.Choose(1, 40)), (tx, extra) =>
        {
            byte[] bytes = [.. tx.ToBytes(), .. new byte[extra]];
            return (ErrorOf(bytes) == DecodeError.TrailingData).Label(tx.ToHex());
        });

    [Property(MaxTest = 300)]
    public Property Arbitrary_bytes_either_parse_and_round_trip_or_fail_with_a_decode_error(byte[] bytes)
    {
        // The only exception any input may cause is DecodeException; whatever parses re-serializes identically.
        try
        {
            var tx = Transaction.Parse(bytes);
            return tx.ToBuilder().Build().ToBytes().AsSpan().SequenceEqual(bytes).Label(Convert.ToHexStringLower(bytes));
        }
        catch (DecodeException e)
        {
            return (e.Error != DecodeError.None).ToProperty();
        }
    }

    [Property(MaxTest = 300)]
    public Property Corrupting_one_byte_of_a_valid_encoding_never_throws_anything_but_a_decode_error() =>
        Prop.ForAll(TransactionGen.Arbitrary(), Arb.From(Gen.Choose(0, int.MaxValue)), Arb.From(Gen.Choose(1, 255)), (tx, where, delta) =>
        {
            byte[] bytes = tx.ToBytes();
            bytes[where % bytes.Length] += (byte)delta;
            try
            {
                var parsed = Transaction.Parse(bytes);
                return parsed.ToBuilder().Build().ToBytes().AsSpan().SequenceEqual(bytes).Label(Convert.ToHexStringLower(bytes));
            }
            catch (DecodeException)
            {
                return true.ToProperty();
            }
        });

    [Theory]
    // version 1, input count 0xFE ffffffff (4 billion): above the 32 MiB limit, rejected before any allocation.
    [InlineData("01000000feffffffff", DecodeError.Oversized)]
    // input count 0xFF with a 64-bit value.
    [InlineData("01000000ffffffffffffffffff", DecodeError.Oversized)]
    // 0x02000000 inputs = 32 MiB: within the compact-size limit but far more than the bytes that follow.
    [InlineData("01000000fe00000002", DecodeError.Truncated)]
    // one input whose script claims 0xFD 0xFFFF bytes.
    [InlineData("0100000001" + "0000000000000000000000000000000000000000000000000000000000000000" + "00000000" + "fdffff" + "00", DecodeError.Truncated)]
    // a compact size 0xFD 0x0001 = 1, not in its shortest form.
    [InlineData("01000000fd0100", DecodeError.NonCanonicalCompactSize)]
    // marker 00, flag 02: unknown optional data (Bitcoin Core: "Unknown transaction optional data").
    [InlineData("010000000002" + "01" + "0000000000000000000000000000000000000000000000000000000000000000" + "00000000" + "00" + "ffffffff" + "00" + "00000000", DecodeError.InvalidValue)]
    // marker 00, flag 01, but every witness empty: Bitcoin Core's "Superfluous witness record".
    [InlineData("010000000001" + "01" + "0000000000000000000000000000000000000000000000000000000000000000" + "00000000" + "00" + "ffffffff" + "00" + "00" + "00000000", DecodeError.InvalidValue)]
    public void Malformed_encodings_fail_with_a_specific_error(string hex, DecodeError expected) =>
        Assert.Equal(expected, ErrorOf(Convert.FromHexString(hex)));

    [Fact]
    public void Parsing_hex_that_is_not_hex_is_a_decode_error()
    {
        var e = Assert.Throws<DecodeException>(() => Transaction.ParseHex("0g"));
        Assert.Equal(DecodeError.InvalidValue, e.Error);
    }

    private static DecodeError ErrorOf(ReadOnlySpan<byte> bytes)
    {
        try
        {
            Transaction.Parse(bytes);
            return DecodeError.None;
        }
        catch (DecodeException e)
        {
            // TryParse must agree with Parse.
            return !Transaction.TryParse(bytes, out _, out var error) && error == e.Error ? e.Error : (DecodeError)(-1);
        }
    }
}
