using System.Security.Cryptography;
using System.Text;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Keys;
using Antimony.Primitives.Serialization;

namespace Antimony.Primitives.Tests.Keys;

/// <summary>ECDSA: RFC6979 known answers, NBitcoin agreement, strict DER (BIP66) and the low-S rule.</summary>
public class EcdsaTests
{
    // The widely reproduced RFC6979 secp256k1 vectors (bitcointalk topic 285142): message = SHA-256 of the
    // text, signature with s normalised to low S as libsecp256k1 and Bitcoin Core produce it.
    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000001", "Satoshi Nakamoto",
        "934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8", "2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000001", "All those moments will be lost in time, like tears in rain. Time to die...",
        "8600dbd41e348fe5c9465ab92d23e3db8b98b873beecd930736488696438cb6b", "547fe64427496db33bf66019dacbf0039c04199abb0122918601db38a72cfc21")]
    [InlineData("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140", "Satoshi Nakamoto",
        "fd567d121db66e382991534ada77a6bd3106f0a1098c231e47993447cd6af2d0", "6b39cd0eb1bc8603e159ef5c20a5c8ad685a45b06ce9bebed3f153d10d93bed5")]
    [InlineData("f8b8af8ce3c7cca5e300d33939540c10d45ce001b8f252bfbc57ba0342904181", "Alan Turing",
        "7063ae83e7f62bbb171798131b4a0564b956930092b33b07b395615d9ec7e15c", "58dfcc1e00a35e1572f366ffe34ba0fc47db1e7189759b9fb233c5b05ab388ea")]
    [InlineData("e91671c46231f833a6406ccbea0e3e392c76c167bac1cb013f6f1013980455c2",
        "There is a computer disease that anybody who works with computers knows about. It's a very serious disease and it interferes completely with the work. The trouble with computers is that you 'play' with them!",
        "b552edd27580141f3b2a5463048cb7cd3e047b97c9f98076c32dbdf85a68718b", "279fa72dd19bfae05577e06c7c0c1900c371fcd5893f7e1d56a37d30174671f6")]
    public void Rfc6979_known_answers_are_reproduced(string secret, string text, string r, string s)
    {
        var key = PrivateKey.Create(Convert.FromHexString(secret));
        var hash = new Hash256(SHA256.HashData(Encoding.ASCII.GetBytes(text)));
        var signature = key.SignEcdsa(hash);
        Assert.Equal(r + s, Convert.ToHexStringLower(signature.ToCompact()));
        Assert.True(key.PublicKey.Verify(hash, signature));
    }

    [Property(MaxTest = 100)]
    public Property Signatures_are_byte_identical_to_NBitcoin_and_verify_both_ways() =>
        Prop.ForAll(KeyGenerators.Cases, c =>
        {
            var secret = new byte[32];
            c.Key.WriteSecret(secret);
            var nbKey = new NBitcoin.Key(secret);
            var nbHash = new NBitcoin.uint256(c.Message.ToArray());
            byte[] theirs = nbKey.Sign(nbHash, useLowR: false).ToDER();
            byte[] ours = c.Key.SignEcdsa(c.Message).ToDer();
            bool agree = ours.AsSpan().SequenceEqual(theirs);
            bool weVerifyTheirs = c.Key.PublicKey.Verify(c.Message, EcdsaSignature.ParseDer(theirs));
            bool theyVerifyOurs = nbKey.PubKey.Verify(nbHash, new NBitcoin.Crypto.ECDSASignature(ours));
            return (agree && weVerifyTheirs && theyVerifyOurs).Label($"ours {Convert.ToHexString(ours)} theirs {Convert.ToHexString(theirs)}");
        });

    [Property(MaxTest = 100)]
    public Property High_S_is_rejected_by_verify_but_its_low_S_twin_is_accepted() =>
        Prop.ForAll(KeyGenerators.Cases, c =>
        {
            var low = c.Key.SignEcdsa(c.Message);
            var compact = low.ToCompact();
            // s' = n - s: the malleated twin that plain ECDSA would also accept.
            var n = System.Numerics.BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);
            var s = new System.Numerics.BigInteger(compact.AsSpan(32), isUnsigned: true, isBigEndian: true);
            (n - s).ToByteArray(isUnsigned: true, isBigEndian: true).CopyTo(compact.AsSpan(32 + 32 - (n - s).GetByteCount(isUnsigned: true)));
            var high = EcdsaSignature.ParseCompact(compact);
            return (low.IsLowS && !high.IsLowS && !c.Key.PublicKey.Verify(c.Message, high)
                && high.NormalizeS() == low && c.Key.PublicKey.Verify(c.Message, high.NormalizeS())).Label(c.ToString());
        });

    [Property(MaxTest = 100)]
    public Property Der_round_trips() =>
        Prop.ForAll(KeyGenerators.Cases, c =>
        {
            var signature = c.Key.SignEcdsa(c.Message);
            byte[] der = signature.ToDer();
            return der.Length == signature.DerLength && EcdsaSignature.ParseDer(der) == signature
                && EcdsaSignature.ParseCompact(signature.ToCompact()) == signature;
        });

    // Minimal valid DER: r = 1, s = 1.
    private const string Minimal = "3006020101020101";

    [Theory]
    [InlineData(Minimal)]
    [InlineData("300702020080020101")] // r = 0x80 needs its leading zero
    [InlineData("30450221008f8a276c19f4149656b280621e358cce24f5f52542772691ee69063b74f15d15022024ff02c6fc7e0f83e06fdae2b24ebba0a8c5c2ef63f5c2e7f6a1c7d0c8bdb3b8")]
    public void Strict_DER_is_accepted(string hex) => Assert.True(EcdsaSignature.TryParseDer(Convert.FromHexString(hex), out _));

    // Each row breaks one BIP66 rule (IsValidSignatureEncoding, adapted to a signature without its sighash byte).
    [Theory]
    [InlineData("30060201010201", DecodeError.Truncated)] // shorter than 8 bytes
    [InlineData("3106020101020101", DecodeError.InvalidValue)] // not a compound (0x30)
    [InlineData("3007020101020101", DecodeError.InvalidValue)] // sequence length claims more than there is
    [InlineData("300602010102010100", DecodeError.InvalidValue)] // trailing byte after S
    [InlineData("3006030101020101", DecodeError.InvalidValue)] // R not tagged INTEGER
    [InlineData("3006020101030101", DecodeError.InvalidValue)] // S not tagged INTEGER
    [InlineData("3006020002020101", DecodeError.InvalidValue)] // zero-length R
    [InlineData("3006020181020101", DecodeError.InvalidValue)] // negative R
    [InlineData("3006020101020181", DecodeError.InvalidValue)] // negative S
    [InlineData("300702020001020101", DecodeError.InvalidValue)] // R with a needless leading zero
    [InlineData("300702010102020001", DecodeError.InvalidValue)] // S with a needless leading zero
    [InlineData("3006020100020101", DecodeError.InvalidValue)] // R = 0
    [InlineData("3006020101020100", DecodeError.InvalidValue)] // S = 0
    [InlineData("3006020501020101", DecodeError.InvalidValue)] // R's length runs past the end
    [InlineData("3025022100fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141020101", DecodeError.InvalidValue)] // R = n
    public void Non_strict_DER_is_rejected_with_a_decode_error(string hex, DecodeError expected)
    {
        byte[] der = Convert.FromHexString(hex);
        Assert.False(EcdsaSignature.TryParseDer(der, out _));
        Assert.Equal(expected, Assert.Throws<DecodeException>(() => EcdsaSignature.ParseDer(der)).Error);
    }

    [Fact]
    public void Seventy_three_byte_input_is_oversized()
    {
        byte[] der = new byte[73];
        der[0] = 0x30;
        der[1] = 71;
        Assert.Equal(DecodeError.Oversized, Assert.Throws<DecodeException>(() => EcdsaSignature.ParseDer(der)).Error);
    }
}
