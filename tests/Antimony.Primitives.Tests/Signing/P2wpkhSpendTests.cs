using Antimony.Primitives.Amounts;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Keys;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Signing;
using Antimony.Primitives.Transactions;

namespace Antimony.Primitives.Tests.Signing;

/// <summary>P2WPKH signing against BIP143's native P2WPKH example, and each rule the verifier enforces.</summary>
public sealed class P2wpkhSpendTests
{
    private const string UnsignedHex =
        "0100000002fff7f7881a8099afa6940d42d1e7f6362bec38171ea3edf433541db4e4ad969f0000000000eeffffffef51e1b804cc89d182d279655c3aa89e815b1b309fe287d9b2b55d57b90ec68a0100000000ffffffff02202cb206000000001976a9148280b37df378db99f66f85c95a783a76ac7a6d5988ac9093510d000000001976a9143bde42dbee7e4dbe6a21b2d50ce2f0167faa815988ac11000000";

    private const string SignedHex =
        "01000000000102fff7f7881a8099afa6940d42d1e7f6362bec38171ea3edf433541db4e4ad969f00000000494830450221008b9d1dc26ba6a9cb62127b02742fa9d754cd3bebf337f7a55d114c8e5cdd30be022040529b194ba3f9281a99f2b1c0a19c0489bc22ede944ccf4ecbab4cc618ef3ed01eeffffffef51e1b804cc89d182d279655c3aa89e815b1b309fe287d9b2b55d57b90ec68a0100000000ffffffff02202cb206000000001976a9148280b37df378db99f66f85c95a783a76ac7a6d5988ac9093510d000000001976a9143bde42dbee7e4dbe6a21b2d50ce2f0167faa815988ac000247304402203609e17b84f6a7d30c80bfa610b5b4542f32a8a0d5447a12fb1366d7f01cc44a0220573a954c4518331561406f90300e8f3358f51928d43c212a8caed02de67eebee0121025476c2e83188368da1ff3e292e7acafcdb3566bb0ad253f62fc70f07aeee635711000000";

    private static readonly TxOut[] Spent =
    [
        new(new Money(625_000_000), Script.FromHex("2103c9f4836b9a4f77fc0d81f7bcb01b7f1b35916864b9476c241ce9fc198bd25432ac")),
        new(new Money(600_000_000), Script.FromHex("00141d0f172a0ecb48aee1be1f2687d2963ae33f71a1")),
    ];

    private static readonly PrivateKey Key = PrivateKey.Create(Convert.FromHexString("619c335025c7f4012e556c2a58b2506e30b8511b53ade95ea316fd8c3286feb9"));

    [Fact]
    public void Signing_the_bip143_example_reproduces_its_signature_and_signed_transaction()
    {
        var unsigned = Transaction.ParseHex(UnsignedHex);
        var cache = new SigHashCache(unsigned, Spent);
        Assert.True(P2wpkhSpend.TrySign(cache, 1, Key, out var witness, out var error), error.ToString());
        // RFC6979 makes ECDSA deterministic, so the BIP's signature (made before Bitcoin Core ground for low R) is reproduced.
        Assert.Equal("304402203609e17b84f6a7d30c80bfa610b5b4542f32a8a0d5447a12fb1366d7f01cc44a0220573a954c4518331561406f90300e8f3358f51928d43c212a8caed02de67eebee01", Convert.ToHexStringLower(witness[0]));
        Assert.Equal("025476c2e83188368da1ff3e292e7acafcdb3566bb0ad253f62fc70f07aeee6357", Convert.ToHexStringLower(witness[1]));

        var expected = Transaction.ParseHex(SignedHex);
        var ours = unsigned.ToBuilder().SetScriptSig(0, expected.Inputs[0].ScriptSig).SetWitness(1, witness).Build();
        Assert.Equal(SignedHex, ours.ToHex());
        Assert.True(P2wpkhSpend.Verify(new SigHashCache(expected, Spent), 1, out error), error.ToString());
    }

    [Fact]
    public void InputSigner_picks_p2wpkh_for_a_p2wpkh_output()
    {
        var witness = InputSigner.Sign(Transaction.ParseHex(UnsignedHex), 1, Spent, Key);
        Assert.Equal(Transaction.ParseHex(SignedHex).Inputs[1].Witness, witness);
    }

    [Fact]
    public void The_signer_refuses_a_key_that_does_not_control_the_output()
    {
        var cache = new SigHashCache(Transaction.ParseHex(UnsignedHex), Spent);
        Assert.False(P2wpkhSpend.TrySign(cache, 1, PrivateKey.Create(Enumerable.Repeat((byte)7, 32).ToArray()), out _, out var error));
        Assert.Equal(SpendError.KeyMismatch, error);
        Assert.False(P2wpkhSpend.TrySign(cache, 0, Key, out _, out error));
        Assert.Equal(SpendError.UnsupportedOutputType, error);
        var thrown = Assert.Throws<SpendException>(() => InputSigner.Sign(cache.Transaction, 0, Spent, Key));
        Assert.Equal(SpendError.UnsupportedOutputType, thrown.Error);
    }

    [Fact]
    public void The_signer_refuses_single_without_a_matching_output_but_the_verifier_follows_bip143()
    {
        var tx = new TransactionBuilder()
            .AddInput(new OutPoint(new Txid(Sha256d.Hash([1])), 0))
            .AddInput(new OutPoint(new Txid(Sha256d.Hash([2])), 0))
            .AddOutput(Money.Coin, Script.FromHex("0014" + new string('3', 40)))
            .Build();
        var script = P2wpkhScript(Key);
        var cache = new SigHashCache(tx, [new TxOut(Money.Coin, script), new TxOut(Money.Coin, script)]);
        Assert.False(P2wpkhSpend.TrySign(cache, 1, Key, SigHashType.Single, out _, out var error));
        Assert.Equal(SpendError.SingleWithoutOutput, error);
        Assert.True(P2wpkhSpend.TrySign(cache, 0, Key, SigHashType.Single, out var witness, out _));
        Assert.True(P2wpkhSpend.Verify(cache, 0, witness, out error), error.ToString());
    }

    public static TheoryData<string, Func<byte[], byte[], Witness>, SpendError> Tamperings() => new()
    {
        { "no items", (_, _) => Witness.Empty, SpendError.WitnessShape },
        { "three items", (s, k) => W(s, k, k), SpendError.WitnessShape },
        { "empty signature", (_, k) => W(Array.Empty<byte>(), k), SpendError.SignatureEncoding },
        { "undefined hash type", (s, k) => W([.. s[..^1], 0x04], k), SpendError.UndefinedHashType },
        { "default hash type", (s, k) => W([.. s[..^1], 0x00], k), SpendError.UndefinedHashType },
        { "other defined hash type", (s, k) => W([.. s[..^1], 0x81], k), SpendError.InvalidSignature },
        { "non-DER signature", (s, k) => W([0x31, .. s[1..]], k), SpendError.SignatureEncoding },
        { "high S", (s, k) => W(HighS(s), k), SpendError.SignatureEncoding },
        { "uncompressed key", (s, k) => W(s, Key.PublicKey.ToUncompressed()), SpendError.PublicKeyEncoding },
        { "key off the curve", (s, k) => W(s, [0x02, .. Enumerable.Repeat((byte)0xff, 32)]), SpendError.PublicKeyEncoding },
        { "another key", (s, k) => W(s, PrivateKey.Create(Enumerable.Repeat((byte)9, 32).ToArray()).PublicKey.Bytes.ToArray()), SpendError.PublicKeyHashMismatch },
        { "flipped signature bit", (s, k) => W(Flip(s, 10), k), SpendError.InvalidSignature },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public void The_verifier_rejects_each_broken_rule_with_its_own_error(string name, Func<byte[], byte[], Witness> tamper, SpendError expected)
    {
        var signed = Transaction.ParseHex(SignedHex);
        var cache = new SigHashCache(signed, Spent);
        var good = signed.Inputs[1].Witness;
        Assert.True(P2wpkhSpend.Verify(cache, 1, good, out _));
        Assert.False(P2wpkhSpend.Verify(cache, 1, tamper(good[0].ToArray(), good[1].ToArray()), out var error), name);
        Assert.Equal(expected, error);
    }

    private static Witness W(params byte[][] items) => new([.. items.Select(item => (ReadOnlyMemory<byte>)item)]);

    private static Script P2wpkhScript(PrivateKey key) => ScriptPubKey.P2wpkh(key.PublicKey.ToHash160()).Script;

    private static byte[] Flip(byte[] bytes, int index)
    {
        var copy = bytes.ToArray();
        copy[index] ^= 0x01;
        return copy;
    }

    /// <summary>The same signature with s replaced by n - s: valid for plain ECDSA, invalid under Antimony's low-S rule.</summary>
    private static byte[] HighS(byte[] item)
    {
        var der = EcdsaSignature.ParseDer(item.AsSpan(0, item.Length - 1));
        var compact = der.ToCompact();
        var n = System.Numerics.BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);
        var s = new System.Numerics.BigInteger(compact.AsSpan(32), isUnsigned: true, isBigEndian: true);
        var high = (n - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        Array.Clear(compact, 32, 32);
        high.CopyTo(compact, 64 - high.Length);
        var highDer = EcdsaSignature.ParseCompact(compact);
        Assert.False(highDer.IsLowS);
        return [.. highDer.ToDer(), item[^1]];
    }
}
