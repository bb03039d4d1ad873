using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;

namespace Antimony.Primitives.Tests.Blocks;

public class MerkleTreeTests
{
    private static readonly Gen<Hash256> HashGen = ArbMap.Default.GeneratorFor<byte>().ArrayOf(32).Select(b => new Hash256(b));

    /// <summary>Lists of 0 to 40 random leaves, shrinking by dropping leaves.</summary>
    private static Arbitrary<Hash256[]> Leaves(int min = 0) =>
        Arb.From(Gen.Choose(min, 40).SelectMany(n => HashGen.ArrayOf(n)),
            leaves => Enumerable.Range(0, leaves.Length).Where(_ => leaves.Length > min).Select(i => leaves.Where((_, j) => j != i).ToArray()));

    [Property(MaxTest = 300)]
    public Property Root_equals_a_naive_reference_implementation() =>
        Prop.ForAll(Leaves(), leaves =>
        {
            var root = MerkleTree.ComputeRoot(leaves, out bool mutated);
            var (expected, expectedMutated) = NaiveRoot(leaves);
            return (root == expected && mutated == expectedMutated).Label($"{leaves.Length} leaves");
        });

    [Property(MaxTest = 300)]
    public Property A_list_with_its_duplicated_tail_appended_shares_the_root_and_is_flagged_as_mutated() =>
        Prop.ForAll(Leaves(min: 1), leaves =>
        {
            // CVE-2012-2459: on an odd level the last hash pairs with itself, so appending a copy of the tail
            // that would be duplicated ([a,b,c] -> [a,b,c,c], and the analogues on higher levels) gives the same root.
            var duplicated = DuplicatedTail(leaves);
            var root = MerkleTree.ComputeRoot(leaves, out bool originalMutated);
            var forged = MerkleTree.ComputeRoot(duplicated, out bool forgedMutated);
            bool distinct = leaves.Distinct().Count() == leaves.Length;
            return (duplicated.Length == leaves.Length || (root == forged && forgedMutated && (!distinct || !originalMutated)))
                .Label($"{leaves.Length} -> {duplicated.Length} leaves");
        });

    [Fact]
    public void Three_leaves_and_the_same_with_the_last_doubled_share_a_root_but_only_the_latter_is_mutated()
    {
        var (a, b, c) = (Sha256d.Hash([1]), Sha256d.Hash([2]), Sha256d.Hash([3]));
        var root = MerkleTree.ComputeRoot([a, b, c], out bool mutated);
        var forged = MerkleTree.ComputeRoot([a, b, c, c], out bool forgedMutated);
        Assert.Equal(root, forged);
        Assert.False(mutated);
        Assert.True(forgedMutated);
    }

    [Fact]
    public void Six_leaves_with_the_last_pair_repeated_are_mutated_on_the_second_level()
    {
        var leaves = Enumerable.Range(0, 6).Select(i => Sha256d.Hash([(byte)i])).ToArray();
        var forged = leaves.Concat(leaves[4..6]).ToArray();
        Assert.Equal(MerkleTree.ComputeRoot(leaves), MerkleTree.ComputeRoot(forged, out bool mutated));
        Assert.True(mutated);
    }

    [Fact]
    public void Edge_cases_no_leaves_is_zero_and_one_leaf_is_itself()
    {
        Assert.Equal(Hash256.Zero, MerkleTree.ComputeRoot([]));
        var leaf = Sha256d.Hash([7]);
        Assert.Equal(leaf, MerkleTree.ComputeRoot([leaf], out bool mutated));
        Assert.False(mutated);
    }

    /// <summary>
    /// Appends the duplicated tail: find the lowest level whose length is odd, and repeat the leaves under
    /// its last node. For a list that is already a power of two (no odd level) nothing can be appended.
    /// </summary>
    private static Hash256[] DuplicatedTail(Hash256[] leaves)
    {
        int span = 1;
        for (int length = leaves.Length; length > 1; length = (length + 1) / 2, span *= 2)
        {
            if ((length & 1) != 0)
                return [.. leaves, .. leaves[^(leaves.Length - (length - 1) * span)..]];
        }
        return leaves;
    }

    /// <summary>Straight from the definition, one allocation per level, Bitcoin Core's mutation rule.</summary>
    private static (Hash256 Root, bool Mutated) NaiveRoot(Hash256[] leaves)
    {
        if (leaves.Length == 0)
            return (Hash256.Zero, false);
        var level = leaves.ToList();
        bool mutated = false;
        while (level.Count > 1)
        {
            for (int i = 0; i + 1 < level.Count; i += 2)
                mutated |= level[i] == level[i + 1];
            if (level.Count % 2 == 1)
                level.Add(level[^1]);
            var next = new List<Hash256>();
            for (int i = 0; i < level.Count; i += 2)
                next.Add(Sha256d.Hash([.. level[i].ToArray(), .. level[i + 1].ToArray()]));
            level = next;
        }
        return (level[0], mutated);
    }
}
