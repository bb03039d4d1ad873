using System.Collections.Immutable;
using Antimony.Consensus.OutputTypes;
using Antimony.Consensus.Parameters;
using Antimony.Consensus.Rules;
using Antimony.Consensus.Rules.Transactions;
using Antimony.Consensus.Validation;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Tests.Rules;

public sealed class TransactionRuleTests
{
    private static readonly ChainParameters Params = ChainParameters.Regtest;
    private static readonly Script P2tr = ScriptPubKey.P2tr(new byte[32] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 }).Script;
    private static readonly OutPoint Prevout = new(new Txid(Sha256d.Hash([1])), 0);

    private static Transaction Tx(ImmutableArray<TxIn> inputs, ImmutableArray<TxOut> outputs) => new(2, inputs, outputs, 0);

    private static Transaction Simple(params TxOut[] outputs) => Tx([new TxIn(Prevout)], [.. outputs]);

    private static string? Check(ITransactionRule rule, Transaction tx, ChainParameters? parameters = null) =>
        rule.Check(new TransactionContext(tx, parameters ?? Params)).Code;

    [Fact]
    public void Vin_empty_and_vout_empty()
    {
        var rule = new InputsOutputsPresentRule();
        Assert.Equal("bad-txns-vin-empty", Check(rule, Tx([], [new TxOut(Money.Coin, P2tr)])));
        Assert.Equal("bad-txns-vout-empty", Check(rule, Tx([new TxIn(Prevout)], [])));
        Assert.Null(Check(rule, Simple(new TxOut(Money.Coin, P2tr))));
    }

    [Fact]
    public void Oversize_counts_the_stripped_size_four_times()
    {
        var rule = new TransactionSizeRule();
        var tx = Simple(new TxOut(Money.Coin, P2tr));
        Assert.Null(Check(rule, tx, Params with { MaxBlockWeight = tx.BaseSize * 4 }));
        Assert.Equal("bad-txns-oversize", Check(rule, tx, Params with { MaxBlockWeight = tx.BaseSize * 4 - 1 }));
    }

    [Fact]
    public void Output_values_stay_in_the_money_range()
    {
        var rule = new OutputValuesRule();
        Assert.Equal("bad-txns-vout-negative", Check(rule, Simple(new TxOut(new Money(-1), P2tr))));
        Assert.Equal("bad-txns-vout-toolarge", Check(rule, Simple(new TxOut(Money.MaxValue + Money.Atom, P2tr))));
        Assert.Equal("bad-txns-txouttotal-toolarge", Check(rule, Simple(new TxOut(Money.MaxValue, P2tr), new TxOut(Money.Atom, P2tr))));
        Assert.Null(Check(rule, Simple(new TxOut(Money.MaxValue, P2tr), new TxOut(Money.Zero, P2tr))));
    }

    [Fact]
    public void Inputs_duplicate()
    {
        var rule = new DuplicateInputsRule();
        var output = new TxOut(Money.Coin, P2tr);
        Assert.Equal("bad-txns-inputs-duplicate", Check(rule, Tx([new TxIn(Prevout), new TxIn(Prevout)], [output])));
        Assert.Null(Check(rule, Tx([new TxIn(Prevout), new TxIn(Prevout with { Index = 1 })], [output])));
    }

    [Theory]
    [InlineData(1, "bad-cb-length")]
    [InlineData(2, null)]
    [InlineData(100, null)]
    [InlineData(101, "bad-cb-length")]
    public void Coinbase_script_is_2_to_100_bytes(int length, string? code)
    {
        var coinbase = Tx([new TxIn(OutPoint.Null, new Script(new byte[length]), TxIn.SequenceFinal, Witness.Empty)], [new TxOut(Money.Coin, P2tr)]);
        Assert.Equal(code, Check(new CoinbaseScriptRule(), coinbase));
    }

    [Fact]
    public void Prevout_null_outside_the_coinbase()
    {
        var tx = Tx([new TxIn(Prevout), new TxIn(OutPoint.Null)], [new TxOut(Money.Coin, P2tr)]);
        Assert.False(tx.IsCoinbase);
        Assert.Equal("bad-txns-prevout-null", Check(new CoinbaseScriptRule(), tx));
        Assert.Null(Check(new CoinbaseScriptRule(), Simple(new TxOut(Money.Coin, P2tr))));
    }

    [Fact]
    public void ScriptSig_must_be_empty_except_in_the_coinbase()
    {
        var tx = Tx([new TxIn(Prevout, new Script(new byte[] { 0x51 }), TxIn.SequenceFinal, Witness.Empty)], [new TxOut(Money.Coin, P2tr)]);
        Assert.Equal("bad-txns-scriptsig-not-empty", Check(new EmptyScriptSigRule(), tx));
        Assert.Null(Check(new EmptyScriptSigRule(), Simple(new TxOut(Money.Coin, P2tr))));
    }

    public static TheoryData<string, string?> Scripts => new()
    {
        { "5120" + new string('1', 64), null },                          // P2TR
        { "0014" + new string('2', 40), null },                          // P2WPKH
        { "6a", null },                                                   // empty data
        { "76a914" + new string('3', 40) + "88ac", "bad-txns-output-type" }, // P2PKH
        { "0020" + new string('4', 64), "bad-txns-output-type" },        // P2WSH
        { "5220" + new string('5', 64), "bad-txns-output-type" },        // witness v2
        { "", "bad-txns-output-type" },
    };

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Only_registered_output_types_are_allowed(string scriptHex, string? code)
    {
        var rule = new OutputTypeRule(Registry());
        var value = scriptHex.StartsWith("6a", StringComparison.Ordinal) ? Money.Zero : Money.Coin;
        Assert.Equal(code, Check(rule, Simple(new TxOut(value, Script.FromHex(scriptHex)))));
    }

    [Fact]
    public void Data_outputs_must_carry_no_value()
    {
        var rule = new OutputTypeRule(Registry());
        Assert.Equal("bad-txns-data-value", Check(rule, Simple(new TxOut(Money.Atom, Script.FromHex("6a0102")))));
    }

    [Fact]
    public void Two_verifiers_for_one_type_are_a_composition_error() =>
        Assert.Throws<InvalidOperationException>(() => new OutputTypeRegistry([new DataOutputVerifier(), new DataOutputVerifier()]));

    internal static OutputTypeRegistry Registry() =>
        new([new TaprootKeyPathVerifier(), new WitnessV0KeyHashVerifier(), new DataOutputVerifier()]);
}
