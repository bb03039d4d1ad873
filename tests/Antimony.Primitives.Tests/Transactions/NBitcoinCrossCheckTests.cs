using Antimony.Primitives.Transactions;
using NB = NBitcoin;

namespace Antimony.Primitives.Tests.Transactions;

/// <summary>NBitcoin as an independent oracle: the same bytes must mean the same transaction to both.</summary>
public class NBitcoinCrossCheckTests
{
    [Property(MaxTest = 300)]
    public Property Our_encodings_parse_in_NBitcoin_to_the_same_ids_and_sizes() =>
        Prop.ForAll(TransactionGen.Arbitrary(), tx =>
        {
            byte[] bytes = tx.ToBytes();
            var theirs = NB.Transaction.Load(bytes, NB.Network.Main);
            return (NB.BitcoinSerializableExtensions.ToBytes(theirs).AsSpan().SequenceEqual(bytes)
                    && theirs.GetHash().ToString() == tx.Txid.ToString()
                    && theirs.GetWitHash().ToString() == tx.Wtxid.ToString()
                    && NB.BitcoinSerializableExtensions.GetSerializedSize(theirs) == tx.TotalSize
                    && theirs.GetVirtualSize() == tx.VirtualSize
                    && theirs.HasWitness == tx.HasWitness
                    && theirs.Inputs.Count == tx.Inputs.Length && theirs.Outputs.Count == tx.Outputs.Length)
                .Label(tx.ToHex());
        });

    [Property(MaxTest = 300)]
    public Property Transactions_NBitcoin_builds_parse_in_ours_byte_for_byte() =>
        Prop.ForAll(Arb.From(NBitcoinTransaction), theirs =>
        {
            byte[] bytes = NB.BitcoinSerializableExtensions.ToBytes(theirs);
            var ours = Transaction.Parse(bytes);
            var rebuilt = ours.ToBuilder().Build();
            return (rebuilt.ToBytes().AsSpan().SequenceEqual(bytes)
                    && ours.Txid.ToString() == theirs.GetHash().ToString()
                    && ours.Wtxid.ToString() == theirs.GetWitHash().ToString()
                    && rebuilt.Txid == ours.Txid && rebuilt.Wtxid == ours.Wtxid
                    && ours.VirtualSize == theirs.GetVirtualSize()
                    && ours.Inputs.Length == theirs.Inputs.Count
                    && ours.Outputs.Select(o => o.Value.Atoms).SequenceEqual(theirs.Outputs.Select(o => o.Value.Satoshi)))
                .Label(theirs.ToHex());
        });

    private static Gen<NB.Transaction> NBitcoinTransaction { get; } =
        from version in Gen.Choose(1, 3)
        from inputs in Gen.Choose(1, 4).SelectMany(n => NBitcoinInput.ArrayOf(n))
        from outputs in Gen.Choose(1, 4).SelectMany(n => NBitcoinOutput.ArrayOf(n))
        from lockTime in ArbMap.Default.GeneratorFor<uint>()
        select Build(version, inputs, outputs, lockTime);

    private static Gen<NB.TxIn> NBitcoinInput =>
        from txid in ArbMap.Default.GeneratorFor<byte>().ArrayOf(32)
        from index in ArbMap.Default.GeneratorFor<uint>()
        from script in TransactionGen.Bytes(30)
        from sequence in ArbMap.Default.GeneratorFor<uint>()
        from witness in Gen.Choose(0, 3).SelectMany(n => TransactionGen.Bytes(72).ArrayOf(n))
        select new NB.TxIn(new NB.OutPoint(new NB.uint256(txid), index), new NB.Script(script))
        {
            Sequence = sequence,
            WitScript = new NB.WitScript(witness, false),
        };

    private static Gen<NB.TxOut> NBitcoinOutput =>
        from value in Gen.Choose(0, int.MaxValue)
        from script in TransactionGen.Bytes(40)
        select new NB.TxOut(NB.Money.Satoshis(value * 3L), new NB.Script(script));

    private static NB.Transaction Build(int version, NB.TxIn[] inputs, NB.TxOut[] outputs, uint lockTime)
    {
        var tx = NB.Network.Main.CreateTransaction();
        tx.Version = (uint)version;
        tx.LockTime = new NB.LockTime(lockTime);
        tx.Inputs.AddRange(inputs);
        tx.Outputs.AddRange(outputs);
        return tx;
    }
}
