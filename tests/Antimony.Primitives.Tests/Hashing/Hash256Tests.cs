using Antimony.Primitives.Hashing;

namespace Antimony.Primitives.Tests.Hashing;

public class Hash256Tests
{
    [Property]
    public Property Display_form_round_trips_and_is_byte_reversed(byte[] seed)
    {
        var bytes = new byte[32];
        seed.AsSpan(0, Math.Min(32, seed.Length)).CopyTo(bytes);
        var hash = new Hash256(bytes);
        string text = hash.ToString();
        bool reversed = text[..2] == bytes[31].ToString("x2") && text[^2..] == bytes[0].ToString("x2");
        return (Hash256.Parse(text) == hash && reversed).Label(text);
    }

    [Fact]
    public void Sha256d_of_empty_input_matches_the_known_value()
    {
        // SHA-256d("") = 5df6e0e2761359d30a8275058e299fcc0381534545f55cf43e41983f5d4c9456 (internal order).
        var hash = Sha256d.Hash([]);
        Assert.Equal("5df6e0e2761359d30a8275058e299fcc0381534545f55cf43e41983f5d4c9456", Convert.ToHexStringLower(hash.ToArray()));
    }

    [Fact]
    public void Hash160_matches_the_known_value_for_the_generator_point()
    {
        // HASH160 of secp256k1's G, compressed: the P2WPKH program of BIP173's example address.
        var g = Convert.FromHexString("0279BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798");
        Assert.Equal("751e76e8199196d454941c45d1b3a323f1433bd6", Hash160.Compute(g).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("00")]
    [InlineData("zz00000000000000000000000000000000000000000000000000000000000000")]
    public void Malformed_display_forms_are_rejected(string text) => Assert.False(Hash256.TryParse(text, out _));
}
