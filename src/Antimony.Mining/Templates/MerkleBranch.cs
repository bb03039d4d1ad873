using System.Collections.Immutable;
using Antimony.Primitives.Hashing;

namespace Antimony.Mining.Templates;

/// <summary>
/// The merkle path of a block's first leaf (the coinbase): the sibling hash at each level of Bitcoin's
/// merkle tree. None of them depends on the coinbase, so a miner that changes only the coinbase (its
/// extra-nonce) recomputes the root with one hash per level instead of rebuilding the tree.
/// </summary>
public static class MerkleBranch
{
    /// <summary>
    /// The branch of leaf 0 in a tree whose other leaves are <paramref name="otherLeaves"/> (the txids of
    /// transactions 1..n-1 in block order). Empty when the coinbase is the only transaction.
    /// </summary>
    public static ImmutableArray<Hash256> ForFirstLeaf(ReadOnlySpan<Hash256> otherLeaves)
    {
        var branch = ImmutableArray.CreateBuilder<Hash256>();
        // Level 0 with a placeholder for the coinbase: the element at index 1 of every level covers only
        // leaves from 1 on, so the placeholder never reaches a branch hash.
        var level = new Hash256[otherLeaves.Length + 1];
        otherLeaves.CopyTo(level.AsSpan(1));
        int count = level.Length;
        while (count > 1)
        {
            branch.Add(level[1]);
            // Bitcoin's rule: an odd level pairs its last hash with itself.
            int pairs = (count + 1) / 2;
            var children = new Hash256[pairs * 2];
            level.AsSpan(0, count).CopyTo(children);
            if ((count & 1) != 0)
                children[count] = level[count - 1];
            Sha256d.HashPairs(children, level.AsSpan(0, pairs));
            count = pairs;
        }
        return branch.ToImmutable();
    }

    /// <summary>The root reached from <paramref name="leaf"/> (leaf 0) up through <paramref name="branch"/>.</summary>
    public static Hash256 Fold(Hash256 leaf, ReadOnlySpan<Hash256> branch)
    {
        Span<byte> pair = stackalloc byte[Hash256.Size * 2];
        var current = leaf;
        foreach (var sibling in branch)
        {
            current.CopyTo(pair);
            sibling.CopyTo(pair[Hash256.Size..]);
            current = Sha256d.Hash(pair);
        }
        return current;
    }
}
