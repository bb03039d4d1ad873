using Antimony.Primitives.Hashing;
using Antimony.Primitives.Keys;
using Antimony.Primitives.Serialization;

namespace Antimony.Primitives.Tests.Keys;

/// <summary>Key construction, validation and encodings.</summary>
public class KeyTests
{
    private const string N = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
    private const string GeneratorCompressed = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
    private const string GeneratorUncompressed = "0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8";

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData(N)]
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    public void Secret_keys_outside_1_to_n_minus_1_are_rejected(string hex)
    {
        Assert.False(PrivateKey.TryCreate(Convert.FromHexString(hex), out _));
        Assert.Equal(DecodeError.InvalidValue, Assert.Throws<DecodeException>(() => PrivateKey.Create(Convert.FromHexString(hex))).Error);
    }

    [Fact]
    public void Secret_keys_of_the_wrong_length_are_rejected() =>
        Assert.Equal(DecodeError.Truncated, Assert.Throws<DecodeException>(() => PrivateKey.Create(new byte[31])).Error);

    [Fact]
    public void Key_one_gives_the_generator_and_n_minus_one_its_negation()
    {
        var one = PrivateKey.Create(Convert.FromHexString("0000000000000000000000000000000000000000000000000000000000000001"));
        Assert.Equal(GeneratorCompressed, one.PublicKey.ToString());
        Assert.Equal(GeneratorUncompressed, Convert.ToHexStringLower(one.PublicKey.ToUncompressed()));
        var minusOne = PrivateKey.Create(Convert.FromHexString("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140"));
        Assert.Equal("03" + GeneratorCompressed[2..], minusOne.PublicKey.ToString());
        Assert.Equal(one.XOnlyPublicKey, minusOne.XOnlyPublicKey); // BIP340: d and n-d share an x-only key
    }

    [Fact]
    public void ToString_never_shows_the_secret()
    {
        var bytes = Convert.FromHexString("b7e151628aed2a6abf7158809cf4f3c762e7160f38b4da56a784d9045190cfef");
        var key = PrivateKey.Create(bytes);
        Assert.DoesNotContain("b7e151628aed2a6a", key.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(key.PublicKey.ToString(), key.ToString(), StringComparison.Ordinal);
        var written = new byte[32];
        key.WriteSecret(written);
        Assert.Equal(bytes, written);
    }

    [Fact]
    public void Generated_keys_differ_and_are_usable()
    {
        var a = PrivateKey.Generate();
        var b = PrivateKey.Generate();
        Assert.NotEqual(a.PublicKey, b.PublicKey);
        var message = Sha256d.Hash("generated"u8);
        Assert.True(a.XOnlyPublicKey.Verify(message, a.SignSchnorr(message)));
    }

    [Fact]
    public void Uncompressed_keys_parse_to_the_same_key_as_compressed()
    {
        var compressed = PublicKey.Parse(Convert.FromHexString(GeneratorCompressed));
        var uncompressed = PublicKey.Parse(Convert.FromHexString(GeneratorUncompressed));
        Assert.Equal(compressed, uncompressed);
        Assert.Equal(GeneratorCompressed, uncompressed.ToString());
        Assert.Equal("751e76e8199196d454941c45d1b3a323f1433bd6", compressed.ToHash160().ToString());
    }

    [Theory]
    [InlineData("0679be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8")] // hybrid
    [InlineData("0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b9")] // off the curve
    [InlineData("0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798")] // 04 with 33 bytes
    [InlineData("04")]
    [InlineData("00")]
    [InlineData("")]
    [InlineData("02eefdea4cdb677750a420fee807eacf21eb9898ae79b9768766e4faa04a2d4a34")] // BIP340 vector 5: x not on the curve
    [InlineData("02fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc30")] // x >= p
    public void Invalid_public_keys_are_rejected(string hex)
    {
        Assert.False(PublicKey.TryParse(Convert.FromHexString(hex), out _));
        Assert.Throws<DecodeException>(() => PublicKey.Parse(Convert.FromHexString(hex)));
    }

    [Theory]
    [InlineData("eefdea4cdb677750a420fee807eacf21eb9898ae79b9768766e4faa04a2d4a34")] // BIP340 vector 5
    [InlineData("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc30")] // BIP340 vector 14: x >= p
    [InlineData("79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f817")]
    public void Invalid_x_only_keys_are_rejected(string hex)
    {
        Assert.False(XOnlyPublicKey.TryParse(Convert.FromHexString(hex), out _));
        Assert.Throws<DecodeException>(() => XOnlyPublicKey.Parse(Convert.FromHexString(hex)));
    }

    [Property(MaxTest = 100)]
    public Property Compressed_keys_round_trip_and_x_only_drops_the_prefix() =>
        Prop.ForAll(KeyGenerators.Cases, c =>
        {
            var key = c.Key.PublicKey;
            var parsed = PublicKey.Parse(key.Bytes);
            var fromUncompressed = PublicKey.Parse(key.ToUncompressed());
            var xOnly = XOnlyPublicKey.Parse(key.Bytes[1..]);
            return parsed == key && fromUncompressed == key && xOnly == c.Key.XOnlyPublicKey && key.XOnly == xOnly
                && key.HasOddY == (key.Bytes[0] == 3);
        });

    [Fact]
    public void Default_values_are_not_valid_keys_or_signatures()
    {
        var message = Sha256d.Hash("default"u8);
        Assert.False(default(XOnlyPublicKey).Verify(message, SchnorrSignature.Parse(new byte[64])));
        Assert.False(default(PublicKey).Verify(message, EcdsaSignature.ParseDer(Convert.FromHexString("3006020101020101"))));
        var key = PrivateKey.Generate();
        Assert.False(key.XOnlyPublicKey.Verify(message, default));
        Assert.False(key.PublicKey.Verify(message, default(EcdsaSignature)));
    }
}
