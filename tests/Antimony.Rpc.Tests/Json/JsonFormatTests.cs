using Antimony.Primitives.Amounts;
using Antimony.Primitives.Numerics;
using Antimony.Primitives.Scripts;
using Antimony.Rpc.Json;

namespace Antimony.Rpc.Tests.Json;

/// <summary>The formats Core's clients parse: amounts, difficulty, script assembly, descriptor checksums.</summary>
public sealed class JsonFormatTests
{
    [Theory]
    [InlineData(0L, "0.00000000")]
    [InlineData(1L, "0.00000001")]
    [InlineData(5_000_000_000L, "50.00000000")]
    [InlineData(-150_000_000L, "-1.50000000")]
    [InlineData(long.MinValue, "-92233720368.54775808")]
    public void Amounts_have_eight_decimals(long atoms, string expected) => Assert.Equal(expected, AmountJson.Format(new Money(atoms)));

    [Property]
    public bool Formatted_amounts_parse_back_to_the_same_atoms(long atoms) =>
        decimal.Parse(AmountJson.Format(new Money(atoms)), System.Globalization.CultureInfo.InvariantCulture) * Money.AtomsPerCoin == atoms;

    [Theory]
    [InlineData(0x1d00ffffu, 1.0)]
    [InlineData(0x1b0404cbu, 16307.420938523983)]
    [InlineData(0x207fffffu, 4.656542373906925e-10)]
    public void Difficulty_matches_cores_get_difficulty(uint bits, double expected) =>
        Assert.Equal(expected, Difficulty.Of(new CompactTarget(bits)), 12);

    // BIP380's own examples.
    [Theory]
    [InlineData("raw(deadbeef)", "raw(deadbeef)#89f8spxm")]
    [InlineData("addr(mkmZxiEcEd8ZqjQWVZuC6so5dFMKEFpN2j)", "addr(mkmZxiEcEd8ZqjQWVZuC6so5dFMKEFpN2j)#02wpgw69")]
    public void Descriptor_checksums_follow_bip380(string descriptor, string expected) => Assert.Equal(expected, DescriptorChecksum.Append(descriptor));

    [Theory]
    [InlineData("", "")]
    [InlineData("00", "0")]
    [InlineData("51", "1")]
    [InlineData("4f", "-1")]
    [InlineData("6a0401020304", "OP_RETURN 67305985")]
    [InlineData("0181", "-1")]
    [InlineData("6a050102030405", "OP_RETURN 0102030405")]
    [InlineData("76a914000000000000000000000000000000000000000088ac", "OP_DUP OP_HASH160 0000000000000000000000000000000000000000 OP_EQUALVERIFY OP_CHECKSIG")]
    [InlineData("4c", "[error]")]
    [InlineData("6a05ff", "OP_RETURN [error]")]
    [InlineData("ba", "OP_CHECKSIGADD")]
    [InlineData("ff", "OP_UNKNOWN")]
    public void Script_assembly_matches_cores_format(string hex, string expected) =>
        Assert.Equal(expected, ScriptAssembly.ToAsm(Convert.FromHexString(hex)));

    [Property]
    public bool Script_assembly_never_throws(byte[] script) => ScriptAssembly.ToAsm(script ?? []) is not null;

    [Fact]
    public void Taproot_outputs_describe_as_rawtr_with_a_checksum()
    {
        var script = ScriptPubKey.P2tr(new byte[32]).Script;
        Assert.Equal("witness_v1_taproot", ScriptJson.TypeName(script, null));
        Assert.Matches("^rawtr\\(0{64}\\)#[a-z0-9]{8}$", ScriptJson.Describe(script, null));
        Assert.Equal("nulldata", ScriptJson.TypeName(ScriptPubKey.Data([1, 2]).Script, null));
        Assert.Equal("nonstandard", ScriptJson.TypeName(new Script(new byte[] { 0x51 }), null));
    }
}
