using Antimony.Primitives.Addresses;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Networks;
using Antimony.Primitives.Scripts;

namespace Antimony.Primitives.Tests.Addresses;

public class SegwitAddressTests
{
    private static string HrpOf(string address) => address[..address.LastIndexOf('1')].ToLowerInvariant();

    // bip-0350.mediawiki "Test vectors for v0-v16 native segregated witness addresses" (its v0 entries are
    // also bip-0173.mediawiki's): address and scriptPubKey.
    [Theory]
    [InlineData("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "0014751e76e8199196d454941c45d1b3a323f1433bd6")]
    [InlineData("tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7", "00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262")]
    [InlineData("bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y", "5128751e76e8199196d454941c45d1b3a323f1433bd6751e76e8199196d454941c45d1b3a323f1433bd6")]
    [InlineData("BC1SW50QGDZ25J", "6002751e")]
    [InlineData("bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs", "5210751e76e8199196d454941c45d1b3a323")]
    [InlineData("tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy", "0020000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433")]
    [InlineData("tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c", "5120000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433")]
    [InlineData("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", "512079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798")]
    public void Valid_vectors_parse_to_their_script_and_back(string address, string scriptHex)
    {
        string hrp = HrpOf(address);
        var parsed = SegwitAddress.Parse(address, hrp);
        Assert.Equal(scriptHex, parsed.ToScript().ToString());
        Assert.Equal(address.ToLowerInvariant(), parsed.ToString());
        Assert.Equal(parsed, SegwitAddress.FromScript(Script.FromHex(scriptHex), hrp));
        Assert.Equal(parsed.WitnessVersion == 0 ? Bech32Encoding.Bech32 : Bech32Encoding.Bech32m, parsed.Encoding);
        // Another network's prefix is refused.
        Assert.False(SegwitAddress.TryParse(address, hrp == "bc" ? "tb" : "bc", out _, out var error));
        Assert.Equal(AddressError.WrongHrp, error);
    }

    // bip-0173.mediawiki's valid v1+ addresses carry bech32 checksums, which BIP350 made invalid.
    [Theory]
    [InlineData("bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7k7grplx")]
    [InlineData("BC1SW50QA3JX3S")]
    [InlineData("bc1zw508d6qejxtdg4y5r3zarvaryvg6kdaj")]
    public void Bip173_v1_plus_addresses_are_rejected_since_bip350(string address)
    {
        Assert.False(SegwitAddress.TryParse(address, "bc", out _, out var error));
        Assert.Equal(AddressError.WrongEncodingForVersion, error);
    }

    // The invalid segwit addresses of bip-0173.mediawiki and bip-0350.mediawiki, with the HRP they are
    // tried against and the error matching the BIP's stated reason.
    public static TheoryData<string, string, AddressError> InvalidAddresses => new()
    {
        // bip-0173.mediawiki
        { "tc1qw508d6qejxtdg4y5r3zarvary0c5xw7kg3g4ty", "tb", AddressError.WrongHrp },
        { "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", "bc", AddressError.InvalidChecksum },
        { "BC13W508D6QEJXTDG4Y5R3ZARVARY0C5XW7KN40WF2", "bc", AddressError.InvalidWitnessVersion },
        { "bc1rw5uspcuh", "bc", AddressError.InvalidProgramLength },
        { "bc10w508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kw5rljs90", "bc", AddressError.InvalidProgramLength },
        { "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P", "bc", AddressError.InvalidProgramLengthForVersion0 },
        { "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sL5k7", "tb", AddressError.MixedCase },
        { "bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du", "bc", AddressError.ExcessPadding },
        { "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3pjxtptv", "tb", AddressError.NonZeroPadding },
        { "bc1gmk9yu", "bc", AddressError.EmptyData },
        // bip-0350.mediawiki (its two vectors that repeat BIP173 ones are listed once, above)
        { "tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut", "tb", AddressError.WrongHrp },
        { "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd", "bc", AddressError.WrongEncodingForVersion },
        { "tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf", "tb", AddressError.WrongEncodingForVersion },
        { "BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL", "bc", AddressError.WrongEncodingForVersion },
        { "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh", "bc", AddressError.WrongEncodingForVersion },
        { "tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47", "tb", AddressError.WrongEncodingForVersion },
        { "bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4", "bc", AddressError.InvalidDataCharacter },
        { "BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R", "bc", AddressError.InvalidWitnessVersion },
        { "bc1pw5dgrnzv", "bc", AddressError.InvalidProgramLength },
        { "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav", "bc", AddressError.InvalidProgramLength },
        { "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq", "tb", AddressError.MixedCase },
        { "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf", "bc", AddressError.ExcessPadding },
        { "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j", "tb", AddressError.NonZeroPadding },
    };

    [Theory]
    [MemberData(nameof(InvalidAddresses))]
    public void Invalid_vectors_fail_with_their_stated_reason(string address, string hrp, AddressError expected)
    {
        Assert.False(SegwitAddress.TryParse(address, hrp, out var result, out var error));
        Assert.Equal(expected, error);
        Assert.Equal(default, result);
        Assert.Equal(expected, Assert.Throws<AddressException>(() => SegwitAddress.Parse(address, hrp)).Error);
        // Invalid under every prefix the BIPs use.
        Assert.False(SegwitAddress.TryParse(address, hrp == "bc" ? "tb" : "bc", out _, out _));
    }

    private static Gen<(int Version, byte[] Program)> ValidPrograms { get; } =
        from version in Gen.Choose(0, 16)
        from length in version == 0 ? Gen.Elements(20, 32) : Gen.Choose(2, 40)
        from program in ArbMap.Default.GeneratorFor<byte>().ArrayOf(length)
        select (version, program);

    private static Gen<Network> Networks { get; } = Gen.Elements(
        Network.Mainnet, Network.Testnet, Network.Regtest, Network.Devnet,
        new Network("custom", new NetworkMagic(0x8f8f8f8f), 30000, 30001, "abcdefghijklmnopqr"));

    [Property(MaxTest = 400)]
    public Property Addresses_round_trip_through_text_and_script() =>
        Prop.ForAll(ValidPrograms.ToArbitrary(), Networks.ToArbitrary(), (p, network) =>
        {
            var address = new SegwitAddress(network, p.Version, p.Program);
            string text = address.ToString();
            bool textOk = SegwitAddress.Parse(text, network) == address && SegwitAddress.Parse(text.ToUpperInvariant(), network) == address;
            bool scriptOk = SegwitAddress.FromScript(address.ToScript(), network) == address;
            bool fields = address.Program.SequenceEqual(p.Program) && address.WitnessVersion == p.Version && address.Hrp == network.Bech32Hrp;
            return (textOk && scriptOk && fields && text.Length <= Bech32.MaxLength).Label(text);
        });

    [Property(MaxTest = 200)]
    public Property Rule_breaking_versions_and_lengths_fail_with_specific_errors() =>
        Prop.ForAll(Gen.Choose(-3, 20).ToArbitrary(), Gen.Choose(0, 45).ToArbitrary(), (version, length) =>
        {
            var expected = length is < 2 or > 40 ? AddressError.InvalidProgramLength
                : version is < 0 or > 16 ? AddressError.InvalidWitnessVersion
                : version == 0 && length is not (20 or 32) ? AddressError.InvalidProgramLengthForVersion0
                : AddressError.None;
            AddressError actual;
            try
            {
                _ = new SegwitAddress(Network.Mainnet, version, new byte[length]);
                actual = AddressError.None;
            }
            catch (AddressException e)
            {
                actual = e.Error;
            }
            return (actual == expected).Label($"v{version} len {length}: {actual}");
        });

    [Property(MaxTest = 200)]
    public Property Matches_nbitcoin_for_v0_programs(byte[] seed, bool scriptHash)
    {
        var program = new byte[scriptHash ? 32 : 20];
        seed.AsSpan(0, Math.Min(seed.Length, program.Length)).CopyTo(program);
        string expected = scriptHash
            ? new NBitcoin.WitScriptId(program).GetAddress(NBitcoin.Network.Main).ToString()
            : new NBitcoin.WitKeyId(program).GetAddress(NBitcoin.Network.Main).ToString();
        return (new SegwitAddress("bc", 0, program).ToString() == expected).Label(expected);
    }

    [Fact]
    public void Non_witness_scripts_have_no_address()
    {
        foreach (string hex in new[] { "", "76a914751e76e8199196d454941c45d1b3a323f1433bd688ac", "6a0401020304", "0014751e76e8", "00", "5101ff", "4f02ffff", "0015751e76e8199196d454941c45d1b3a323f1433bd6" })
        {
            Assert.False(SegwitAddress.TryFromScript(Script.FromHex(hex), "atmn", out _, out var error), hex);
            Assert.Equal(AddressError.NotWitnessProgram, error);
        }
        Assert.Equal(AddressError.InvalidProgramLengthForVersion0,
            Assert.Throws<AddressException>(() => SegwitAddress.FromScript(Script.FromHex("0010" + new string('0', 32)), Network.Mainnet)).Error);
    }

    [Fact]
    public void Helpers_build_the_protocols_output_types_for_a_network()
    {
        var keyHash = Hash160.Compute(Convert.FromHexString("0279BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798"));
        var p2wpkh = SegwitAddress.P2wpkh(keyHash, Network.Mainnet);
        Assert.StartsWith("atmn1q", p2wpkh.ToString(), StringComparison.Ordinal);
        Assert.Equal(ScriptPubKey.P2wpkh(keyHash).Script, p2wpkh.ToScript());

        var key = Convert.FromHexString("79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");
        var p2tr = SegwitAddress.P2tr(key, Network.Testnet);
        Assert.StartsWith("tatmn1p", p2tr.ToString(), StringComparison.Ordinal);
        Assert.Equal(ScriptPubKey.P2tr(key).Script, p2tr.ToScript());
        Assert.Equal(AddressError.InvalidProgramLength, Assert.Throws<AddressException>(() => SegwitAddress.P2tr(key.AsSpan(1), Network.Mainnet)).Error);

        // Regtest and devnet share an HRP, so their addresses are interchangeable.
        Assert.Equal(SegwitAddress.P2wpkh(keyHash, Network.Regtest), SegwitAddress.Parse(SegwitAddress.P2wpkh(keyHash, Network.Devnet).ToString(), Network.Regtest));
        Assert.Equal(AddressError.WrongHrp,
            Assert.Throws<AddressException>(() => SegwitAddress.Parse(p2wpkh.ToString(), Network.Testnet)).Error);
    }

    [Fact]
    public void An_hrp_too_long_for_the_program_is_refused()
    {
        // 83-character HRP: legal for bech32, but no witness program fits in 90 characters after it.
        Assert.Equal(AddressError.TooLong, Assert.Throws<AddressException>(() => new SegwitAddress(new string('a', 83), 1, new byte[2])).Error);
        Assert.Equal(AddressError.InvalidHrpCharacter, Assert.Throws<AddressException>(() => new SegwitAddress("BC", 0, new byte[20])).Error);
        Assert.Equal("", default(SegwitAddress).ToString());
    }
}
