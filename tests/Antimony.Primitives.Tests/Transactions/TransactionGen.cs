using System.Collections.Immutable;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;

namespace Antimony.Primitives.Tests.Transactions;

/// <summary>Generators and shrinkers for arbitrary (not necessarily valid) transactions with at least one input.</summary>
internal static class TransactionGen
{
    private static readonly Gen<byte> Byte = ArbMap.Default.GeneratorFor<byte>();

    /// <summary>Mostly short byte strings, sometimes longer than 252 bytes so three-byte compact sizes occur.</summary>
    public static Gen<byte[]> Bytes(int shortMax) =>
        Gen.Frequency((9, Gen.Choose(0, shortMax)), (1, Gen.Choose(253, 300)))
            .SelectMany(length => Byte.ArrayOf(length));

    public static Gen<Hash256> Hash { get; } = Byte.ArrayOf(32).Select(bytes => new Hash256(bytes));

    public static Gen<Witness> Witness { get; } =
        Gen.Choose(0, 3).SelectMany(count => Bytes(75).ArrayOf(count))
            .Select(items => new Witness(Array.ConvertAll(items, item => (ReadOnlyMemory<byte>)item)));

    public static Gen<TxIn> Input(bool withWitness) =>
        from txid in Hash
        from index in ArbMap.Default.GeneratorFor<uint>()
        from script in Bytes(40)
        from sequence in ArbMap.Default.GeneratorFor<uint>()
        from witness in withWitness ? Witness : Gen.Constant(Primitives.Transactions.Witness.Empty)
        select new TxIn(new OutPoint(new Txid(txid), index), new Script(script), sequence, witness);

    public static Gen<TxOut> Output { get; } =
        from value in ArbMap.Default.GeneratorFor<long>()
        from script in Bytes(40)
        select new TxOut(new Money(value), new Script(script));

    /// <summary>Transactions with 1 to 5 inputs and 0 to 5 outputs; with witnesses on some inputs when asked.</summary>
    public static Gen<Transaction> Transaction(bool withWitness) =>
        from version in ArbMap.Default.GeneratorFor<int>()
        from inputs in Gen.Choose(1, 5).SelectMany(n => Input(withWitness).ArrayOf(n))
        from outputs in Gen.Choose(0, 5).SelectMany(n => Output.ArrayOf(n))
        from lockTime in ArbMap.Default.GeneratorFor<uint>()
        select new Transaction(version, [.. inputs], [.. outputs], lockTime);

    /// <summary>Transactions of both kinds.</summary>
    public static Gen<Transaction> AnyTransaction { get; } = Gen.OneOf(Transaction(false), Transaction(true));

    /// <summary>Arbitrary transactions that shrink by dropping inputs, outputs, witnesses and script bytes.</summary>
    public static Arbitrary<Transaction> Arbitrary(bool? withWitness = null) =>
        Arb.From(withWitness is { } w ? Transaction(w) : AnyTransaction, Shrink);

    public static IEnumerable<Transaction> Shrink(Transaction tx)
    {
        var inputs = tx.Inputs;
        var outputs = tx.Outputs;
        for (int i = 0; inputs.Length > 1 && i < inputs.Length; i++)
            yield return With(tx, inputs.RemoveAt(i), outputs);
        for (int i = 0; i < outputs.Length; i++)
            yield return With(tx, inputs, outputs.RemoveAt(i));
        for (int i = 0; i < inputs.Length; i++)
        {
            if (!inputs[i].Witness.IsEmpty)
                yield return With(tx, inputs.SetItem(i, inputs[i] with { Witness = Primitives.Transactions.Witness.Empty }), outputs);
            if (!inputs[i].ScriptSig.IsEmpty)
                yield return With(tx, inputs.SetItem(i, inputs[i] with { ScriptSig = Script.Empty }), outputs);
        }
        for (int i = 0; i < outputs.Length; i++)
        {
            if (!outputs[i].ScriptPubKey.IsEmpty)
                yield return With(tx, inputs, outputs.SetItem(i, outputs[i] with { ScriptPubKey = Script.Empty }));
        }
        if (tx.Version != 0 || tx.LockTime != 0)
            yield return new Transaction(0, inputs, outputs, 0);
    }

    private static Transaction With(Transaction tx, ImmutableArray<TxIn> inputs, ImmutableArray<TxOut> outputs) =>
        new(tx.Version, inputs, outputs, tx.LockTime);
}
