using Antimony.Primitives.Amounts;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;
using Nb = NBitcoin;

namespace Antimony.Benchmarks.Signing;

/// <summary>The same transaction and spent outputs in Antimony's and NBitcoin's types, for the signature-hash benchmarks.</summary>
internal sealed class SigHashBenchmarkData
{
    /// <summary>A transaction with <paramref name="inputs"/> inputs and two outputs, spending outputs of the given script.</summary>
    public SigHashBenchmarkData(int inputs, Script spentScript)
    {
        var builder = new TransactionBuilder();
        var spent = new TxOut[inputs];
        for (int i = 0; i < inputs; i++)
        {
            builder.AddInput(new OutPoint(new Txid(Sha256d.Hash(BitConverter.GetBytes(i))), (uint)i), 0xFFFFFFFD);
            spent[i] = new TxOut(new Money(100_000 + i), spentScript);
        }
        builder.AddOutput(Money.Coin, ScriptPubKey.P2wpkh(Hash160.Compute([1])).Script);
        builder.AddOutput(Money.Coin, spentScript);
        Transaction = builder.Build();
        Spent = spent;
        NBitcoinTransaction = Nb.Transaction.Parse(Transaction.ToHex(), Nb.Network.Main);
        NBitcoinSpent = [.. spent.Select(o => new Nb.TxOut(Nb.Money.Satoshis(o.Value.Atoms), new Nb.Script(o.ScriptPubKey.Span.ToArray())))];
    }

    public Transaction Transaction { get; }

    public TxOut[] Spent { get; }

    public Nb.Transaction NBitcoinTransaction { get; }

    public Nb.TxOut[] NBitcoinSpent { get; }
}
