using System.Buffers;
using Antimony.Primitives.Hashing;

namespace Antimony.Primitives.Blocks;

/// <summary>
/// Bitcoin's merkle tree over txids (or wtxids): pairs hashed with SHA-256d, the last hash of an odd
/// level paired with itself.
/// </summary>
/// <remarks>
/// Pairing the last hash with itself lets two different transaction lists share a root
/// (CVE-2012-2459): a list ending in a duplicated run of transactions hashes like the shorter list.
/// <see cref="ComputeRoot(ReadOnlySpan{Hash256}, out bool)"/> reports that shape as "mutated" exactly as
/// Bitcoin Core does (two equal adjacent hashes at an even position on any level), and such a block is
/// invalid, so a node never marks the honest block with that root as invalid by mistake.
/// </remarks>
public static class MerkleTree
{
    /// <summary>The merkle root of <paramref name="leaves"/>; zero for no leaves.</summary>
    /// <param name="leaves">The leaf hashes in block order.</param>
    /// <param name="mutated">Whether some level had two identical adjacent hashes (CVE-2012-2459).</param>
    public static Hash256 ComputeRoot(ReadOnlySpan<Hash256> leaves, out bool mutated) =>
        ComputeRoot(leaves, out mutated, Sha256Lanes.BestPath);

    /// <summary>The merkle root on a chosen SHA-256 path (tests and benchmarks compare the paths).</summary>
    internal static Hash256 ComputeRoot(ReadOnlySpan<Hash256> leaves, out bool mutated, Sha256Path path)
    {
        mutated = false;
        if (leaves.IsEmpty)
            return Hash256.Zero;
        if (leaves.Length == 1)
            return leaves[0];
        // Two working areas hashed into alternately (no call sees overlapping input and output), each
        // with room for an odd level's duplicated last hash; each level is hashed many pairs per call.
        int capacity = leaves.Length + 1;
        var rented = ArrayPool<Hash256>.Shared.Rent(capacity + capacity / 2 + 1);
        try
        {
            var level = rented.AsSpan(0, leaves.Length);
            leaves.CopyTo(level);
            bool inFirstArea = true;
            while (level.Length > 1)
            {
                for (int i = 0; i + 1 < level.Length; i += 2)
                    mutated |= level[i] == level[i + 1];
                int start = inFirstArea ? 0 : capacity;
                if ((level.Length & 1) != 0)
                {
                    rented[start + level.Length] = level[^1];
                    level = rented.AsSpan(start, level.Length + 1);
                }
                var parents = rented.AsSpan(inFirstArea ? capacity : 0, level.Length / 2);
                Sha256Batch.HashPairs(level, parents, path);
                level = parents;
                inFirstArea = !inFirstArea;
            }
            return level[0];
        }
        finally
        {
            ArrayPool<Hash256>.Shared.Return(rented);
        }
    }

    /// <summary>The merkle root of <paramref name="leaves"/>, ignoring mutation.</summary>
    public static Hash256 ComputeRoot(ReadOnlySpan<Hash256> leaves) => ComputeRoot(leaves, out _);
}
