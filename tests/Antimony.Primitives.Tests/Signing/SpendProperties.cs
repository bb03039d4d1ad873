using Antimony.Primitives.Amounts;
using Antimony.Primitives.Keys;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Signing;
using Antimony.Primitives.Transactions;

namespace Antimony.Primitives.Tests.Signing;

/// <summary>Signing then verifying random P2TR key-path and P2WPKH spends; tampering breaks exactly the committed parts.</summary>
public sealed class SpendProperties
{
    private static Gen<PrivateKey> Keys =>
        from bytes in SighashScenario.Bytes(32)
        where PrivateKey.TryCreate(bytes, out _)
        select PrivateKey.Create(bytes);

    /// <summary>A random scenario whose signed input spends an output of <c>key</c>: P2TR (no script tree) or P2WPKH.</summary>
    private static Gen<(SighashScenario Scenario, PrivateKey Key, bool Taproot)> Spends =>
        from taproot in Gen.Elements(true, false)
        from scenario in SighashScenario.Generator(taproot ? SighashScenario.TaprootTypes : SighashScenario.WitnessV0Types)
        from key in Keys
        select (WithOwnOutput(scenario, key, taproot), key, taproot);

    private static SighashScenario WithOwnOutput(SighashScenario scenario, PrivateKey key, bool taproot)
    {
        byte[] script = taproot
            ? [0x51, 0x20, .. key.XOnlyPublicKey.Tweak(null).Key.Bytes]
            : [0x00, 0x14, .. key.PublicKey.ToHash160().ToArray()];
        var spent = scenario.Spent.ToArray();
        spent[scenario.InputIndex] = spent[scenario.InputIndex] with { ScriptPubKey = new Script(script) };
        return scenario with { Spent = spent };
    }

    private static Witness Sign(SighashScenario s, PrivateKey key, bool taproot)
    {
        var cache = s.Cache();
        bool signed = taproot
            ? TaprootKeySpend.TrySign(cache, s.InputIndex, key, null, s.HashType, default, out var witness, out var error)
            : P2wpkhSpend.TrySign(cache, s.InputIndex, key, s.HashType, out witness, out error);
        Assert.True(signed, error.ToString());
        return witness;
    }

    private static bool Verify(SighashScenario s, Witness witness)
    {
        var cache = s.Cache();
        var tx = cache.Transaction.ToBuilder().SetWitness(s.InputIndex, witness).Build();
        return InputVerifier.Verify(new SigHashCache(tx, s.Spent), s.InputIndex, out _);
    }

    [Property(MaxTest = 60)]
    public Property A_signed_input_verifies() =>
        Prop.ForAll(Arb.From(Spends), spend =>
        {
            var (scenario, key, taproot) = spend;
            return Verify(scenario, Sign(scenario, key, taproot)).Label($"{(taproot ? "P2TR" : "P2WPKH")}: {scenario}");
        });

    [Property(MaxTest = 60)]
    public Property Tampering_the_partner_output_fails_unless_the_hash_type_is_NONE() =>
        Prop.ForAll(Arb.From(Spends), spend =>
        {
            var (scenario, key, taproot) = spend;
            var witness = Sign(scenario, key, taproot);
            var tampered = scenario.Mutate(new SighashMutation(SighashField.OwnOutput, 0));
            bool verifies = Verify(tampered, witness);
            return (verifies == scenario.HashType.IsNone).Label($"{(taproot ? "P2TR" : "P2WPKH")}: verifies {verifies} ({scenario})");
        });

    [Property(MaxTest = 60)]
    public Property Tampering_the_spent_amount_or_an_extra_output_breaks_exactly_the_committed_ones() =>
        Prop.ForAll(Arb.From(Spends), spend =>
        {
            var (scenario, key, taproot) = spend;
            var witness = Sign(scenario, key, taproot);
            bool amountChecked = !Verify(scenario.Mutate(new SighashMutation(SighashField.OwnAmount, 3)), witness);
            bool appendedChecked = !Verify(scenario.Mutate(new SighashMutation(SighashField.AppendedOutput, 0)), witness);
            return (amountChecked && appendedChecked == scenario.HashType.CommitsToAllOutputs)
                .Label($"{(taproot ? "P2TR" : "P2WPKH")}: amount {amountChecked}, appended {appendedChecked} ({scenario})");
        });

    [Property(MaxTest = 30)]
    public Property A_signature_for_one_input_does_not_verify_on_another() =>
        Prop.ForAll(Arb.From(Spends), spend =>
        {
            var (scenario, key, taproot) = spend;
            var witness = Sign(scenario, key, taproot);
            // Same key and script on the other input, so only the input-specific commitment differs.
            int other = (scenario.InputIndex + 1) % scenario.Prevouts.Length;
            var spent = scenario.Spent.ToArray();
            spent[other] = spent[scenario.InputIndex];
            var moved = scenario with { Spent = spent, InputIndex = other };
            return (!Verify(moved, witness)).Label(scenario.ToString());
        });

    [Fact]
    public void A_p2tr_output_key_built_from_the_key_is_what_TaprootKeySpend_expects()
    {
        var key = PrivateKey.Create(Enumerable.Repeat((byte)5, 32).ToArray());
        var tx = new TransactionBuilder().AddInput(new OutPoint(default, 0)).AddOutput(Money.Coin, Script.Empty).Build();
        var spent = new TxOut(Money.Coin, TaprootKeySpendTests.P2tr(key));
        Assert.True(TaprootKeySpend.TrySign(new SigHashCache(tx, [spent]), 0, key, out _, out var error), error.ToString());
    }
}
