using System.Security.Cryptography;

namespace Antimony.Primitives.Hashing;

/// <summary>
/// Double SHA-256, <c>SHA-256(SHA-256(x))</c>: the hash behind block ids, transaction ids, merkle
/// trees and P2P checksums.
/// </summary>
public static class Sha256d
{
    /// <summary>SHA-256d of <paramref name="data"/>.</summary>
    public static Hash256 Hash(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[Hash256.Size];
        SHA256.HashData(data, digest);
        SHA256.HashData(digest, digest);
        return new Hash256(digest);
    }

    /// <summary>
    /// Hashes the concatenation of each pair of children: <c>parents[i] = SHA-256d(children[2i] || children[2i+1])</c>.
    /// One level of a merkle tree in a single call, so the implementation can hash many pairs at once.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="children"/> is not exactly twice as long as <paramref name="parents"/>.</exception>
    public static void HashPairs(ReadOnlySpan<Hash256> children, Span<Hash256> parents)
    {
        if (children.Length != 2 * parents.Length)
            throw new ArgumentException("There must be exactly two children per parent.", nameof(children));
        Sha256Batch.HashPairs(children, parents, Sha256Lanes.BestPath);
    }
}
