using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Tests.Transactions;
using Antimony.Primitives.Transactions;

namespace Antimony.Primitives.Tests.Blocks;

[Trait("Category", "Simd")]
public class TransactionHashBatchTests
{
    /// <summary>
    /// Lists mixing runs of equal-sized transactions (copies of one shape with different lock times, so
    /// whole lane groups form) with odd sizes, in shuffled order, so groups, padded groups and leftovers all occur.
    /// </summary>
    private static readonly Arbitrary<Transaction[]> Lists = Arb.From(
        from shapes in Gen.Choose(1, 4).SelectMany(n => TransactionGen.AnyTransaction.ArrayOf(n))
        from counts in Gen.Choose(0, 40).ArrayOf(shapes.Length)
        from order in Gen.Shuffle(shapes.SelectMany((shape, s) => Enumerable.Range(0, counts[s])
            .Select(copy => new Transaction(shape.Version, shape.Inputs, shape.Outputs, (uint)copy))).ToArray())
        select order.ToArray(),
        list => Enumerable.Range(0, list.Length).Select(i => list.Where((_, j) => j != i).ToArray()));

    public static TheoryData<Sha256Path> AvailablePaths()
    {
        var paths = new TheoryData<Sha256Path>();
        foreach (var path in Enum.GetValues<Sha256Path>())
        {
            if (Sha256Lanes.IsAvailable(path))
                paths.Add(path);
        }
        return paths;
    }

    [Theory]
    [MemberData(nameof(AvailablePaths))]
    public void Batched_ids_equal_one_by_one_ids_on_every_available_path(Sha256Path path)
    {
        var result = Prop.ForAll(Lists, transactions =>
        {
            // Parsed copies too: their ids come from the kept encoding rather than from the fields.
            var parsed = transactions.Select(t => Transaction.Parse(t.ToBytes())).ToArray();
            var txids = new Hash256[transactions.Length];
            var wtxids = new Hash256[transactions.Length];
            var parsedTxids = new Hash256[transactions.Length];
            TransactionHashBatch.Compute(transactions, witness: false, txids, path);
            TransactionHashBatch.Compute(transactions, witness: true, wtxids, path);
            TransactionHashBatch.Compute(parsed, witness: false, parsedTxids, path);
            return (txids.SequenceEqual(transactions.Select(t => t.ComputeTxid().Value))
                    && wtxids.SequenceEqual(transactions.Select(t => t.ComputeWtxid().Value))
                    && parsedTxids.SequenceEqual(txids))
                .Label($"{transactions.Length} transactions on {path}");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(100), result);
    }

    [Theory]
    [MemberData(nameof(AvailablePaths))]
    public void Block_merkle_roots_agree_across_paths(Sha256Path path)
    {
        var result = Prop.ForAll(BlockGen.Arbitrary, block =>
        {
            var parsed = Block.Parse(block.ToBytes());
            return (parsed.ComputeMerkleRoot(out bool mutated, path) == block.Header.MerkleRoot && !mutated
                    && parsed.ComputeWitnessMerkleRoot(path) == block.ComputeWitnessMerkleRoot(Sha256Path.Scalar))
                .Label(block.ToString());
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(100), result);
    }
}
