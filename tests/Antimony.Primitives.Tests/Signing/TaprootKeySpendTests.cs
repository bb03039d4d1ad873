using Antimony.Primitives.Amounts;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Keys;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Signing;
using Antimony.Primitives.Transactions;

namespace Antimony.Primitives.Tests.Signing;

/// <summary>BIP341 key-path rules: signature lengths, hash types, SIGHASH_SINGLE, the annex, and key checks.</summary>
public sealed class TaprootKeySpendTests
{
    private static readonly PrivateKey Key = PrivateKey.Create(Enumerable.Repeat((byte)0x11, 32).ToArray());

    /// <summary>Two P2TR inputs of <see cref="Key"/> and one output, so input 1 has no SIGHASH_SINGLE partner.</summary>
    private static SigHashCache TwoInOneOut(Witness witness0 = default)
    {
        var tx = new TransactionBuilder()
            .AddInput(new TxIn(new OutPoint(new Txid(Sha256d.Hash([1])), 0), Script.Empty, TxIn.SequenceFinal, witness0))
            .AddInput(new OutPoint(new Txid(Sha256d.Hash([2])), 3))
            .AddOutput(Money.Coin, P2tr(Key))
            .Build();
        return new SigHashCache(tx, [new TxOut(Money.Coin * 2, P2tr(Key)), new TxOut(Money.Coin, P2tr(Key))]);
    }

    internal static Script P2tr(PrivateKey key) => ScriptPubKey.P2tr(key.XOnlyPublicKey.Tweak(null).Key.Bytes).Script;

    private static Witness W(params byte[][] items) => new([.. items.Select(item => (ReadOnlyMemory<byte>)item)]);

    [Theory]
    [InlineData(0x00, 64)]
    [InlineData(0x01, 65)]
    [InlineData(0x02, 65)]
    [InlineData(0x03, 65)]
    [InlineData(0x81, 65)]
    [InlineData(0x82, 65)]
    [InlineData(0x83, 65)]
    public void Every_defined_hash_type_signs_and_verifies_with_the_right_length(byte hashType, int length)
    {
        var cache = TwoInOneOut();
        Assert.True(TaprootKeySpend.TrySign(cache, 0, Key, null, new SigHashType(hashType), default, out var witness, out var error), error.ToString());
        Assert.Equal(length, witness[0].Length);
        Assert.True(TaprootKeySpend.Verify(cache, 0, witness, out error), error.ToString());
    }

    [Theory]
    [InlineData(0x04)]
    [InlineData(0x80)]
    [InlineData(0x84)]
    [InlineData(0xff)]
    public void Undefined_hash_types_fail_to_sign_and_to_verify(byte hashType)
    {
        var cache = TwoInOneOut();
        Assert.False(TaprootKeySpend.TrySign(cache, 0, Key, null, new SigHashType(hashType), default, out _, out var error));
        Assert.Equal(SpendError.UndefinedHashType, error);
        Assert.False(cache.TryGetTaprootKeyPathHash(0, new SigHashType(hashType), out _, out var sigHashError));
        Assert.Equal(SigHashError.UndefinedHashType, sigHashError);

        Assert.True(TaprootKeySpend.TrySign(cache, 0, Key, null, SigHashType.All, default, out var witness, out _));
        byte[] item = witness[0].ToArray();
        item[^1] = hashType;
        Assert.False(TaprootKeySpend.Verify(cache, 0, W(item), out error));
        Assert.Equal(SpendError.UndefinedHashType, error);
    }

    [Theory]
    [InlineData(0x03)]
    [InlineData(0x83)]
    public void Single_without_a_matching_output_is_a_specific_failure(byte hashType)
    {
        var cache = TwoInOneOut();
        Assert.False(cache.TryGetTaprootKeyPathHash(1, new SigHashType(hashType), out _, out var sigHashError));
        Assert.Equal(SigHashError.SingleWithoutOutput, sigHashError);
        Assert.False(TaprootKeySpend.TrySign(cache, 1, Key, null, new SigHashType(hashType), default, out _, out var error));
        Assert.Equal(SpendError.SingleWithoutOutput, error);
    }

    [Fact]
    public void An_explicit_default_hash_type_byte_is_rejected_even_with_a_valid_signature()
    {
        var cache = TwoInOneOut();
        Assert.True(TaprootKeySpend.TrySign(cache, 0, Key, out var witness, out _));
        Assert.False(TaprootKeySpend.Verify(cache, 0, W([.. witness[0].ToArray(), 0x00]), out var error));
        Assert.Equal(SpendError.ExplicitDefaultHashType, error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(66)]
    public void Signatures_of_other_lengths_are_encoding_errors(int length)
    {
        Assert.False(TaprootKeySpend.Verify(TwoInOneOut(), 0, W(new byte[length]), out var error));
        Assert.Equal(SpendError.SignatureEncoding, error);
    }

    [Fact]
    public void Witness_shapes_other_than_one_signature_and_an_optional_annex_are_rejected()
    {
        var cache = TwoInOneOut();
        Assert.True(TaprootKeySpend.TrySign(cache, 0, Key, out var witness, out _));
        byte[] signature = witness[0].ToArray();
        Assert.False(TaprootKeySpend.Verify(cache, 0, Witness.Empty, out var error));
        Assert.Equal(SpendError.WitnessShape, error);
        // Two items whose last does not start with 0x50 is a script-path spend, which Antimony v1 does not have.
        Assert.False(TaprootKeySpend.Verify(cache, 0, W(signature, [0x51]), out error));
        Assert.Equal(SpendError.WitnessShape, error);
    }

    [Fact]
    public void An_annex_is_committed_to_so_a_signature_without_it_fails_with_it()
    {
        var cache = TwoInOneOut();
        byte[] annex = [0x50, 0xde, 0xad];
        Assert.True(cache.TryGetTaprootKeyPathHash(0, SigHashType.Default, annex, out var withAnnex, out _));
        Assert.True(cache.TryGetTaprootKeyPathHash(0, SigHashType.Default, out var without, out _));
        Assert.NotEqual(withAnnex, without);
        byte[]? message = TaprootSigHash.MessageOf(cache, 0, SigHashType.Default, annex);
        Assert.NotNull(message);
        Assert.Equal(1 + 174 + 32, message.Length); // epoch byte + BIP341's 174 + 32 for sha_annex
        Assert.Equal(1, message[1 + 1 + 4 + 4 + 128 + 32]); // spend_type: ext_flag 0, annex present

        var tweaked = Key.TweakForTaproot(null);
        byte[] signedWithAnnex = tweaked.SignSchnorr(withAnnex).ToArray();
        Assert.True(TaprootKeySpend.Verify(cache, 0, W(signedWithAnnex, annex), out var error), error.ToString());
        Assert.False(TaprootKeySpend.Verify(cache, 0, W(signedWithAnnex), out error));
        Assert.Equal(SpendError.InvalidSignature, error);
        Assert.False(TaprootKeySpend.Verify(cache, 0, W(signedWithAnnex, [0x50, 0xde, 0xae]), out error));
        Assert.Equal(SpendError.InvalidSignature, error);
    }

    [Fact]
    public void An_annex_argument_without_the_0x50_marker_is_refused()
    {
        Assert.False(TwoInOneOut().TryGetTaprootKeyPathHash(0, SigHashType.Default, [0x51], out _, out var error));
        Assert.Equal(SigHashError.InvalidAnnex, error);
    }

    [Fact]
    public void The_signer_checks_the_key_and_the_output_type()
    {
        var cache = TwoInOneOut();
        Assert.False(TaprootKeySpend.TrySign(cache, 0, PrivateKey.Create(Enumerable.Repeat((byte)0x22, 32).ToArray()), out _, out var error));
        Assert.Equal(SpendError.KeyMismatch, error);
        // The right key with a script tree it was not committed to is also a mismatch.
        Assert.False(TaprootKeySpend.TrySign(cache, 0, Key, Sha256d.Hash([9]), SigHashType.Default, default, out _, out error));
        Assert.Equal(SpendError.KeyMismatch, error);
        Assert.False(TaprootKeySpend.TrySign(cache, 2, Key, out _, out error));
        Assert.Equal(SpendError.InputIndexOutOfRange, error);
        Assert.False(P2wpkhSpend.TrySign(cache, 0, Key, out _, out error));
        Assert.Equal(SpendError.UnsupportedOutputType, error);
    }

    [Fact]
    public void An_output_key_that_is_not_on_the_curve_cannot_be_spent()
    {
        // x = 5 is not the X coordinate of any secp256k1 point (5³ + 7 = 132 is a non-residue mod p).
        byte[] program = new byte[32];
        program[31] = 5;
        var tx = new TransactionBuilder().AddInput(new OutPoint(new Txid(Sha256d.Hash([1])), 0)).AddOutput(Money.Coin, P2tr(Key)).Build();
        var cache = new SigHashCache(tx, [new TxOut(Money.Coin, new Script(new byte[] { 0x51, 0x20 }.Concat(program).ToArray()))]);
        Assert.False(TaprootKeySpend.Verify(cache, 0, W(new byte[64]), out var error));
        Assert.Equal(SpendError.OutputKeyInvalid, error);
    }

    [Fact]
    public void SignAll_signs_mixed_inputs_and_VerifyAll_accepts_them()
    {
        var other = PrivateKey.Create(Enumerable.Repeat((byte)0x33, 32).ToArray());
        var p2wpkh = ScriptPubKey.P2wpkh(other.PublicKey.ToHash160()).Script;
        var builder = new TransactionBuilder()
            .AddInput(new OutPoint(new Txid(Sha256d.Hash([1])), 0))
            .AddInput(new OutPoint(new Txid(Sha256d.Hash([2])), 1))
            .AddOutput(Money.Coin, P2tr(Key));
        TxOut[] spent = [new(Money.Coin, P2tr(Key)), new(Money.Coin, p2wpkh)];

        var signed = InputSigner.SignAll(builder, spent, [Key, other]);
        Assert.Equal(64, signed.Inputs[0].Witness[0].Length);
        Assert.Equal(2, signed.Inputs[1].Witness.Count);
        Assert.True(InputVerifier.VerifyAll(signed, spent, out int failed, out var error), $"{failed}: {error}");

        var wrongKeys = new TransactionBuilder(signed);
        var thrown = Assert.Throws<SpendException>(() => InputSigner.SignAll(wrongKeys, spent, [other, Key]));
        Assert.Equal(0, thrown.InputIndex);
        Assert.Equal(SpendError.KeyMismatch, thrown.Error);
    }
}
