using Antimony.Primitives.Amounts;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Keys;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Signing;
using Antimony.Primitives.Transactions;

namespace Antimony.Primitives.Tests.Signing;

/// <summary>The two-stage verification: structural rules yield signature checks, which a verifier runs in a batch.</summary>
public sealed class InputVerifierTests
{
    private static readonly PrivateKey[] Keys = [.. Enumerable.Range(1, 6).Select(i => PrivateKey.Create(Enumerable.Repeat((byte)i, 32).ToArray()))];

    /// <summary>Six inputs alternating P2TR and P2WPKH, each signed by its own key.</summary>
    private static (Transaction Signed, TxOut[] Spent) SixSignedInputs()
    {
        var builder = new TransactionBuilder();
        var spent = new TxOut[Keys.Length];
        for (int i = 0; i < Keys.Length; i++)
        {
            builder.AddInput(new OutPoint(new Txid(Sha256d.Hash([(byte)i])), 0));
            var script = i % 2 == 0
                ? ScriptPubKey.P2tr(Keys[i].XOnlyPublicKey.Tweak(null).Key.Bytes).Script
                : ScriptPubKey.P2wpkh(Keys[i].PublicKey.ToHash160()).Script;
            spent[i] = new TxOut(Money.Coin, script);
        }
        builder.AddOutput(Money.Coin * 5, spent[0].ScriptPubKey);
        return (InputSigner.SignAll(builder, spent, Keys), spent);
    }

    private static Transaction WithWitness(Transaction tx, int input, Witness witness) => tx.ToBuilder().SetWitness(input, witness).Build();

    [Fact]
    public void Checks_have_the_scheme_of_their_output_type_and_verify()
    {
        var (signed, spent) = SixSignedInputs();
        var cache = new SigHashCache(signed, spent);
        for (int i = 0; i < Keys.Length; i++)
        {
            Assert.True(InputVerifier.TryGetCheck(cache, i, out var check, out var error), error.ToString());
            Assert.Equal(i % 2 == 0 ? SignatureKind.Schnorr : SignatureKind.Ecdsa, check.Kind);
            Assert.True(((ISignatureVerifier)BouncyCastleSignatureVerifier.Instance).Verify(check));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(4)]
    public void VerifyAll_names_the_input_whose_signature_is_wrong(int broken)
    {
        var (signed, spent) = SixSignedInputs();
        // A well-formed signature made for another input: every structural rule holds, only the equation fails.
        var witnessFromTwoAhead = signed.Inputs[(broken + 2) % Keys.Length].Witness;
        var foreignKeyWitness = broken % 2 == 0
            ? witnessFromTwoAhead
            : new Witness(witnessFromTwoAhead[0].ToArray(), signed.Inputs[broken].Witness[1].ToArray());
        var tampered = WithWitness(signed, broken, foreignKeyWitness);

        Assert.True(InputVerifier.TryGetCheck(new SigHashCache(tampered, spent), broken, out _, out _));
        Assert.False(InputVerifier.VerifyAll(tampered, spent, out int failed, out var error));
        Assert.Equal((broken, SpendError.InvalidSignature), (failed, error));

        var parallel = new ParallelSignatureVerifier(BouncyCastleSignatureVerifier.Instance, 2, minimumChunk: 1);
        Assert.False(InputVerifier.VerifyAll(tampered, spent, parallel, out failed, out error));
        Assert.Equal((broken, SpendError.InvalidSignature), (failed, error));
        Assert.True(InputVerifier.VerifyAll(signed, spent, parallel, out failed, out error));
        Assert.Equal((-1, SpendError.None), (failed, error));
    }

    [Fact]
    public void A_structural_error_is_reported_before_any_signature_is_checked()
    {
        var (signed, spent) = SixSignedInputs();
        var tampered = WithWitness(WithWitness(signed, 1, Witness.Empty), 4, new Witness(new byte[63]));
        Assert.False(InputVerifier.VerifyAll(tampered, spent, out int failed, out var error));
        Assert.Equal((1, SpendError.WitnessShape), (failed, error));
    }

    [Fact]
    public void Outputs_that_are_not_signature_checked_cannot_be_spent()
    {
        var (signed, spent) = SixSignedInputs();
        spent[2] = new TxOut(Money.Zero, ScriptPubKey.Data("antimony"u8).Script);
        Assert.False(InputVerifier.VerifyAll(signed, spent, out int failed, out var error));
        Assert.Equal((2, SpendError.UnsupportedOutputType), (failed, error));
        Assert.False(InputVerifier.TryGetCheck(new SigHashCache(signed, spent), 6, out _, out error));
        Assert.Equal(SpendError.InputIndexOutOfRange, error);
    }
}
