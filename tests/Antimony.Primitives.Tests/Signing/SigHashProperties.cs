using Antimony.Primitives.Hashing;
using Antimony.Primitives.Signing;
using Nb = NBitcoin;

namespace Antimony.Primitives.Tests.Signing;

/// <summary>
/// The signature hashes commit to exactly the fields their hash type covers (BIP341 "Common signature message",
/// BIP143 "Specification"), and agree with NBitcoin on random transactions.
/// </summary>
public sealed class SigHashProperties
{
    /// <summary>What BIP341 commits to: every input field unless ANYONECANPAY, outputs per ALL/SINGLE/NONE.</summary>
    private static bool TaprootCommits(SighashField field, SigHashType type) => field switch
    {
        SighashField.OtherPrevout or SighashField.OtherAmount or SighashField.OtherScript or SighashField.OtherSequence => !type.IsAnyoneCanPay,
        SighashField.OwnOutput => !type.IsNone,
        SighashField.OtherOutput or SighashField.AppendedOutput => type.CommitsToAllOutputs,
        _ => true,
    };

    /// <summary>
    /// What BIP143 commits to: no other input's amount or script ever; other sequences only under ALL without
    /// ANYONECANPAY; the own "script" is the key hash inside the scriptCode.
    /// </summary>
    private static bool WitnessV0Commits(SighashField field, SigHashType type) => field switch
    {
        SighashField.OtherAmount or SighashField.OtherScript => false,
        SighashField.OtherPrevout => !type.IsAnyoneCanPay,
        SighashField.OtherSequence => !type.IsAnyoneCanPay && type.CommitsToAllOutputs,
        SighashField.OwnOutput => !type.IsNone,
        SighashField.OtherOutput or SighashField.AppendedOutput => type.CommitsToAllOutputs,
        _ => true,
    };

    private static Hash256 TaprootHash(SighashScenario s)
    {
        Assert.True(s.Cache().TryGetTaprootKeyPathHash(s.InputIndex, s.HashType, out var hash, out var error), error.ToString());
        return hash;
    }

    /// <summary>BIP143 over a P2WPKH whose key hash is derived from the spent script, so changing that script changes the scriptCode.</summary>
    private static Hash256 WitnessV0Hash(SighashScenario s)
    {
        var keyHash = Hash160.Compute(s.Spent[s.InputIndex].ScriptPubKey.Span);
        Assert.True(s.Cache().TryGetP2wpkhHash(s.InputIndex, keyHash, s.HashType, out var hash, out var error), error.ToString());
        return hash;
    }

    [Property]
    public Property Taproot_sighash_changes_exactly_when_a_committed_field_changes() =>
        Prop.ForAll(
            Arb.From(from s in SighashScenario.Generator(SighashScenario.TaprootTypes) from m in SighashScenario.Mutations select (s, m)),
            pair =>
            {
                var (scenario, mutation) = pair;
                bool committed = TaprootCommits(mutation.Field, scenario.HashType);
                bool changed = TaprootHash(scenario) != TaprootHash(scenario.Mutate(mutation));
                return (changed == committed).Label($"{mutation.Field} under {scenario.HashType}: committed {committed}, changed {changed} ({scenario})");
            });

    [Property]
    public Property Bip143_sighash_changes_exactly_when_a_committed_field_changes() =>
        Prop.ForAll(
            Arb.From(from s in SighashScenario.Generator(SighashScenario.WitnessV0Types) from m in SighashScenario.Mutations select (s, m)),
            pair =>
            {
                var (scenario, mutation) = pair;
                bool committed = WitnessV0Commits(mutation.Field, scenario.HashType);
                bool changed = WitnessV0Hash(scenario) != WitnessV0Hash(scenario.Mutate(mutation));
                return (changed == committed).Label($"{mutation.Field} under {scenario.HashType}: committed {committed}, changed {changed} ({scenario})");
            });

    [Property]
    public Property Taproot_sighash_agrees_with_NBitcoin() =>
        Prop.ForAll(Arb.From(SighashScenario.Generator(SighashScenario.TaprootTypes)), scenario =>
        {
            var (tx, spent) = ToNBitcoin(scenario);
            var precomputed = tx.PrecomputeTransactionData(spent);
            var execution = new Nb.TaprootExecutionData(scenario.InputIndex) { SigHash = (Nb.TaprootSigHash)scenario.HashType.Value };
            var expected = tx.GetSignatureHashTaproot(precomputed, execution);
            return (Convert.ToHexStringLower(TaprootHash(scenario).ToArray()) == Convert.ToHexStringLower(expected.ToBytes())).Label(scenario.ToString());
        });

    [Property]
    public Property Bip143_sighash_agrees_with_NBitcoin() =>
        Prop.ForAll(Arb.From(SighashScenario.Generator(SighashScenario.WitnessV0Types)), scenario =>
        {
            var (tx, spent) = ToNBitcoin(scenario);
            var keyHash = Hash160.Compute(scenario.Spent[scenario.InputIndex].ScriptPubKey.Span);
            var scriptCode = new Nb.Script(new byte[] { 0x76, 0xa9, 0x14 }.Concat(keyHash.ToArray()).Concat(new byte[] { 0x88, 0xac }).ToArray());
            var expected = tx.GetSignatureHash(scriptCode, scenario.InputIndex, (Nb.SigHash)scenario.HashType.Value,
                spent[scenario.InputIndex], Nb.HashVersion.WitnessV0);
            return (Convert.ToHexStringLower(WitnessV0Hash(scenario).ToArray()) == Convert.ToHexStringLower(expected.ToBytes())).Label(scenario.ToString());
        });

    private static (Nb.Transaction Tx, Nb.TxOut[] Spent) ToNBitcoin(SighashScenario scenario)
    {
        var tx = Nb.Transaction.Parse(scenario.Transaction().ToHex(), Nb.Network.Main);
        var spent = scenario.Spent.Select(o => new Nb.TxOut(Nb.Money.Satoshis(o.Value.Atoms), new Nb.Script(o.ScriptPubKey.Span.ToArray()))).ToArray();
        return (tx, spent);
    }
}
