using Antimony.Primitives.Addresses;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Networks;

namespace Antimony.Primitives.Tests.Networks;

public class NetworkTests
{
    [Fact]
    public void Built_ins_have_the_protocols_prefixes_and_the_documented_constants()
    {
        Assert.Equal(("atmn", 5151, 5152, "b59a8cb3"), Describe(Network.Mainnet));
        Assert.Equal(("tatmn", 15151, 15152, "b69a8cb3"), Describe(Network.Testnet));
        Assert.Equal(("ratmn", 25151, 25152, "b79a8cb3"), Describe(Network.Regtest));
        Assert.Equal(("ratmn", 20000, 21000, "b89a8cb3"), Describe(Network.Devnet));
    }

    private static (string, int, int, string) Describe(Network n) => (n.Bech32Hrp, n.DefaultPort, n.DefaultRpcPort, n.Magic.ToString());

    [Fact]
    public void Built_ins_are_told_apart_by_name_magic_first_byte_and_ports()
    {
        var all = Network.BuiltIn;
        Assert.Equal(4, all.Count);
        Assert.Equal(4, all.Select(n => n.Name).Distinct().Count());
        Assert.Equal(4, all.Select(n => n.Magic.Value >> 24).Distinct().Count());
        var ports = all.SelectMany(n => new[] { n.DefaultPort, n.DefaultRpcPort }).ToList();
        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(all, n => Assert.True(NetworkMagic.IsValid(n.Magic.Value)));
        Assert.True(Network.TryGetBuiltIn("MAINNET", out var main));
        Assert.Same(Network.Mainnet, main);
        Assert.False(Network.TryGetBuiltIn("nope", out _));
    }

    [Fact]
    public void A_custom_network_works_wherever_a_built_in_does()
    {
        var mynet = new Network("mynet", new NetworkMagic(0x8f8f8f8f), 30000, 30001, "myhrp");
        var hash = Hash160.Compute([1, 2, 3]);
        var address = SegwitAddress.P2wpkh(hash, mynet);
        Assert.StartsWith("myhrp1q", address.ToString(), StringComparison.Ordinal);
        Assert.Equal(address, SegwitAddress.Parse(address.ToString(), mynet));
        Assert.Equal(address, SegwitAddress.FromScript(address.ToScript(), mynet));
        Assert.False(SegwitAddress.TryParse(address.ToString(), Network.Mainnet, out _, out var error));
        Assert.Equal(AddressError.WrongHrp, error);
        // Records: value equality, and `with` derives a variant.
        Assert.Equal(mynet, new Network("mynet", new NetworkMagic(0x8f8f8f8f), 30000, 30001, "myhrp"));
        Assert.NotEqual(mynet, mynet with { DefaultPort = 30002 });
        Assert.Equal("mynet", mynet.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Atmn")]
    [InlineData("at-mn")]
    [InlineData("abcdefghijklmnopqrs")] // 19 characters: a 40-byte program would not fit in 90
    public void Invalid_hrps_are_refused_in_the_constructor_and_in_with(string hrp)
    {
        Assert.False(Network.IsValidHrp(hrp));
        Assert.Throws<ArgumentException>(() => new Network("x", new NetworkMagic(0x80808080), 1, 2, hrp));
        Assert.Throws<ArgumentException>(() => Network.Mainnet with { Bech32Hrp = hrp });
    }

    [Fact]
    public void Names_ports_and_the_default_magic_are_validated()
    {
        var magic = new NetworkMagic(0x80808080);
        Assert.Throws<ArgumentException>(() => new Network("", magic, 1, 2, "a"));
        Assert.Throws<ArgumentException>(() => new Network("my net", magic, 1, 2, "a"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Network("n", magic, 0, 2, "a"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Network("n", magic, 1, 65536, "a"));
        Assert.Throws<ArgumentException>(() => new Network("n", default, 1, 2, "a"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Network.Devnet with { DefaultPort = -1 });
    }

    [Property(MaxTest = 500)]
    public Property A_magic_is_accepted_exactly_when_every_byte_has_its_high_bit(uint value)
    {
        bool expected = (value & 0x80) != 0 && (value & 0x8000) != 0 && (value & 0x800000) != 0 && (value & 0x80000000) != 0;
        bool accepted;
        try
        {
            _ = new NetworkMagic(value);
            accepted = true;
        }
        catch (ArgumentException)
        {
            accepted = false;
        }
        return (accepted == expected && NetworkMagic.IsValid(value) == expected
                && NetworkMagic.TryParse(value.ToString("x8"), out _) == expected).Label($"{value:x8}");
    }

    [Property(MaxTest = 300)]
    public Property A_magic_is_written_in_wire_order_and_round_trips(uint raw)
    {
        var magic = new NetworkMagic(raw | 0x80808080);
        var wire = new byte[4];
        magic.CopyTo(wire);
        bool order = Convert.ToHexStringLower(wire) == magic.ToString();
        bool back = NetworkMagic.Read(wire) == magic && NetworkMagic.Parse(magic.ToString()) == magic && magic.Matches(wire);
        wire[3] ^= 1;
        return (order && back && !magic.Matches(wire)).Label(magic.ToString());
    }

    [Fact]
    public void Malformed_magics_are_rejected()
    {
        Assert.Throws<FormatException>(() => NetworkMagic.Parse("b59a8c"));
        Assert.Throws<FormatException>(() => NetworkMagic.Parse("f9beb40d"));
        Assert.Throws<ArgumentException>(() => NetworkMagic.Read([0xb5, 0x9a]));
        Assert.False(Network.Mainnet.Magic.Matches([0xb5]));
    }
}
