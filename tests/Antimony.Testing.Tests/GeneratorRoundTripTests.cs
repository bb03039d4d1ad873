using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Serialization;
using Antimony.Primitives.Transactions;
using Antimony.Testing.Generators;

namespace Antimony.Testing.Tests;

/// <summary>Every generator yields values that serialize and parse back to themselves, and respect their documented range.</summary>
public class GeneratorRoundTripTests
{
    [Property]
    public Property Hashes_round_trip_through_display_hex() =>
        Prop.ForAll(AntimonyArb.Hash256(), hash => Hash256.Parse(hash.ToString()) == hash);

    [Property]
    public Property Amounts_stay_in_the_consensus_range() =>
        Prop.ForAll(AntimonyArb.Money(), money => money.IsInConsensusRange);

    [Property]
    public Property Outpoints_round_trip_and_are_never_null() =>
        Prop.ForAll(AntimonyArb.OutPoint(), outPoint =>
            !outPoint.IsNull && ConsensusEncoding.Decode<OutPoint>(ConsensusEncoding.ToBytes(outPoint)) == outPoint);

    [Property]
    public Property Scripts_of_each_type_classify_as_that_type() =>
        Prop.ForAll(Gen.Elements(OutputType.P2tr, OutputType.P2wpkh, OutputType.Data).ToArbitrary(), type =>
            Prop.ForAll(AntimonyGen.ScriptOf(type).ToArbitrary(), script => ScriptPubKey.Classify(script.Span) == type));

    [Property]
    public Property Outputs_round_trip_and_data_outputs_carry_no_value() =>
        Prop.ForAll(AntimonyArb.TxOut(), output =>
            ConsensusEncoding.Decode<TxOut>(ConsensusEncoding.ToBytes(output)) == output
            && (ScriptPubKey.Classify(output.ScriptPubKey.Span) != OutputType.Data || output.Value.Atoms == 0));

    [Property]
    public Property Transactions_round_trip_with_their_ids() =>
        Prop.ForAll(AntimonyArb.Transaction(), transaction =>
        {
            var bytes = ConsensusEncoding.ToBytes(transaction);
            var parsed = ConsensusEncoding.Decode<Transaction>(bytes);
            return (parsed.Txid == transaction.Txid && parsed.Wtxid == transaction.Wtxid && ConsensusEncoding.ToBytes(parsed).AsSpan().SequenceEqual(bytes))
                .Label("txid, wtxid and bytes survive")
                .And(!transaction.IsCoinbase && transaction.Inputs.All(i => i.ScriptSig.Span.IsEmpty)).Label("valid shape");
        });

    [Property]
    public Property Headers_round_trip_byte_for_byte() =>
        Prop.ForAll(AntimonyArb.BlockHeader(), header => BlockHeader.Parse(header.ToBytes()) == header);

    [Property(MaxTest = 50)]
    public Property Blocks_round_trip_and_commit_to_their_transactions() =>
        Prop.ForAll(AntimonyArb.Block(), block =>
        {
            var parsed = Block.Parse(block.ToBytes());
            return (parsed.Hash == block.Hash && parsed.ToBytes().AsSpan().SequenceEqual(block.ToBytes())).Label("round trip")
                .And(block.HasValidMerkleRoot()).Label("merkle root matches")
                .And(block.Transactions[0].IsCoinbase).Label("coinbase first");
        });

    [Property(Arbitrary = [typeof(AntimonyArb)], MaxTest = 30)]
    public bool Registering_the_class_supplies_every_type_to_property_parameters(Transaction transaction, Primitives.Amounts.Money money, Block block) =>
        !transaction.IsCoinbase && money.IsInConsensusRange && block.HasValidMerkleRoot();
}
