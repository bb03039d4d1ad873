using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Antimony.Primitives.Hashing;

namespace Antimony.Mining.Search;

/// <summary>
/// Proof-of-work nonce search over an 80-byte header: hashes 16, 8 or 1 nonce per kernel pass,
/// rejects on the hash's most significant 32 bits, and confirms each candidate with the scalar kernel
/// and the full 256-bit comparison. Single-threaded and allocation-free per nonce; a miner runs one
/// search per core over disjoint ranges.
/// </summary>
[SkipLocalsInit]
public static class NonceSearch
{
    // Nonces per kernel call; the cancellation token is checked between chunks (~100 µs each).
    private const int ChunkSize = 4096;

    /// <summary>The fastest path on this CPU, chosen at start-up (see <see cref="Sha256Lanes.BestPath"/>).</summary>
    public static Sha256Path BestPath => Sha256Lanes.BestPath;

    /// <summary>Whether <paramref name="path"/> can run here.</summary>
    public static bool IsAvailable(Sha256Path path) => Sha256Lanes.IsAvailable(path);

    /// <summary>Searches nonces <c>[start, end)</c> on the best path.</summary>
    /// <inheritdoc cref="Search(Sha256Path, in HeaderTemplate, uint, ulong, CancellationToken)"/>
    public static NonceSearchResult Search(in HeaderTemplate template, uint start, ulong end, CancellationToken cancellationToken = default) =>
        Search(BestPath, template, start, end, cancellationToken);

    /// <summary>Searches nonces <c>[start, end)</c> on an explicit path for those whose header hash meets the template's target.</summary>
    /// <param name="path">The kernel to use.</param>
    /// <param name="template">The header without its nonce, and the target.</param>
    /// <param name="start">The first nonce.</param>
    /// <param name="end">One past the last nonce; up to 2^32 so the whole nonce space is one range.</param>
    /// <param name="cancellationToken">Checked before each chunk of 4,096 nonces; when it fires the partial result is returned with <see cref="NonceSearchResult.Cancelled"/> set.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="end"/> is below <paramref name="start"/> or above 2^32, or the path is undefined.</exception>
    /// <exception cref="ArgumentException">The template is the default value.</exception>
    /// <exception cref="PlatformNotSupportedException">The path is not available here.</exception>
    public static NonceSearchResult Search(Sha256Path path, in HeaderTemplate template, uint start, ulong end, CancellationToken cancellationToken = default)
    {
        if (end < start || end > 1UL << 32)
            throw new ArgumentOutOfRangeException(nameof(end), end, "The range must satisfy start <= end <= 2^32.");
        Sha256Lanes.EnsureAvailable(path);
        NonceMidstate midstate = template.Midstate;
        uint targetTop = template.TargetTopWord;
        var found = new List<uint>();
        Span<uint> candidates = stackalloc uint[ChunkSize];
        Span<byte> hash = stackalloc byte[Hash256.Size];
        int width = Sha256Lanes.WidthOf(path);
        ulong next = start;
        while (next < end)
        {
            if (cancellationToken.IsCancellationRequested)
                return new NonceSearchResult(found, next - start, Cancelled: true);
            int count = (int)Math.Min(ChunkSize, end - next);
            int groups = (count + width - 1) / width;
            uint first = (uint)next;
            int hits = path switch
            {
                Sha256Path.Vector512 => NonceKernel<Avx512Sha256Lanes, Vector512<uint>>.Scan(midstate, first, groups, targetTop, candidates),
                Sha256Path.Vector256Avx512 => NonceKernel<Avx512VlSha256Lanes, Vector256<uint>>.Scan(midstate, first, groups, targetTop, candidates),
                Sha256Path.Vector256 => NonceKernel<Avx2Sha256Lanes, Vector256<uint>>.Scan(midstate, first, groups, targetTop, candidates),
                _ => NonceKernel<ScalarSha256Lanes, uint>.Scan(midstate, first, groups, targetTop, candidates),
            };
            foreach (uint nonce in candidates[..hits])
            {
                // The last group may run past the range; its extra lanes are ignored.
                if (nonce - first >= (uint)count)
                    continue;
                NonceKernel<ScalarSha256Lanes, uint>.Hash(midstate, nonce, hash);
                if (template.IsMetBy(hash))
                    found.Add(nonce);
            }
            next += (ulong)count;
        }
        return new NonceSearchResult(found, end - start, Cancelled: false);
    }

    /// <summary>
    /// SHA-256d of the header for consecutive nonces from <paramref name="firstNonce"/> (wrapping), on
    /// an explicit path: <c>hashes[i]</c> is the block hash with nonce <c>firstNonce + i</c>. For tests,
    /// benchmarks and tools; the search itself never needs full hashes of rejected nonces.
    /// </summary>
    /// <exception cref="ArgumentException">The template is the default value.</exception>
    /// <exception cref="PlatformNotSupportedException">The path is not available here.</exception>
    public static void HashNonces(Sha256Path path, in HeaderTemplate template, uint firstNonce, Span<Hash256> hashes)
    {
        Sha256Lanes.EnsureAvailable(path);
        NonceMidstate midstate = template.Midstate;
        Span<byte> output = MemoryMarshal.AsBytes(hashes);
        int width = Sha256Lanes.WidthOf(path);
        int i = 0;
        for (; i + width <= hashes.Length; i += width)
        {
            Span<byte> group = output.Slice(i * Hash256.Size, width * Hash256.Size);
            uint first = firstNonce + (uint)i;
            switch (path)
            {
                case Sha256Path.Vector512: NonceKernel<Avx512Sha256Lanes, Vector512<uint>>.Hash(midstate, first, group); break;
                case Sha256Path.Vector256Avx512: NonceKernel<Avx512VlSha256Lanes, Vector256<uint>>.Hash(midstate, first, group); break;
                case Sha256Path.Vector256: NonceKernel<Avx2Sha256Lanes, Vector256<uint>>.Hash(midstate, first, group); break;
                default: NonceKernel<ScalarSha256Lanes, uint>.Hash(midstate, first, group); break;
            }
        }
        for (; i < hashes.Length; i++)
            NonceKernel<ScalarSha256Lanes, uint>.Hash(midstate, firstNonce + (uint)i, output.Slice(i * Hash256.Size, Hash256.Size));
    }
}
