using Antimony.Mining.Templates;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;

namespace Antimony.Mining.Tests.Templates;

public class MerkleBranchTests
{
    private static readonly Gen<Hash256> Hashes =
        Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), 32).Select(bytes => new Hash256(bytes));

    [Property(MaxTest = 200)]
    public Property Folding_the_first_leaf_up_its_branch_gives_the_full_tree_root() =>
        Prop.ForAll(
            Arb.From(Gen.Choose(1, 70).SelectMany(count => Gen.ArrayOf(Hashes, count))),
            leaves =>
            {
                var branch = MerkleBranch.ForFirstLeaf(leaves.AsSpan(1));
                var folded = MerkleBranch.Fold(leaves[0], branch.AsSpan());
                return (folded == MerkleTree.ComputeRoot(leaves)).Label($"{leaves.Length} leaves, branch of {branch.Length}");
            });

    [Property(MaxTest = 100)]
    public Property The_branch_does_not_depend_on_the_first_leaf() =>
        Prop.ForAll(
            Arb.From(Gen.Choose(2, 40).SelectMany(count => Gen.ArrayOf(Hashes, count))),
            leaves =>
            {
                var other = (Hash256[])leaves.Clone();
                other[0] = Sha256d.Hash(Hash256.AsBytes(in leaves[0]));
                var branch = MerkleBranch.ForFirstLeaf(leaves.AsSpan(1));
                return MerkleBranch.Fold(other[0], branch.AsSpan()) == MerkleTree.ComputeRoot(other);
            });

    [Fact]
    public void A_coinbase_alone_has_an_empty_branch_and_is_its_own_root()
    {
        var leaf = Sha256d.Hash([1, 2, 3]);
        Assert.Empty(MerkleBranch.ForFirstLeaf([]));
        Assert.Equal(leaf, MerkleBranch.Fold(leaf, []));
    }
}
