using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Transactions;

namespace Antimony.Primitives.Blocks;

/// <summary>
/// Txids or wtxids of many transactions at once on the multi-lane SHA-256 kernels: transactions whose
/// encodings take the same number of 64-byte blocks are hashed 8 or 16 at a time, one per lane.
/// </summary>
/// <remarks>
/// A block's transactions are independent messages, so computing their ids for the merkle root is as
/// parallel as a merkle level. Lanes of one group must compress the same number of blocks, so the
/// transactions are ordered by block count; a short group is padded by repeating a member when that
/// still pays, and the few leftovers go through <see cref="Sha256d.Hash"/>.
/// </remarks>
[SkipLocalsInit]
internal static class TransactionHashBatch
{
    /// <summary><c>ids[i]</c> = the txid (or, with <paramref name="witness"/>, the wtxid) of <c>transactions[i]</c>.</summary>
    public static void Compute(ReadOnlySpan<Transaction> transactions, bool witness, Span<Hash256> ids, Sha256Path path)
    {
        int width = Sha256Lanes.WidthOf(path);
        int n = transactions.Length;
        if (width == 1 || n < width / 2)
        {
            for (int i = 0; i < n; i++)
                ids[i] = Scalar(transactions[i], witness);
            return;
        }
        Sha256Lanes.EnsureAvailable(path);
        int[] blockCounts = ArrayPool<int>.Shared.Rent(n);
        int[] order = ArrayPool<int>.Shared.Rent(n);
        try
        {
            for (int i = 0; i < n; i++)
            {
                // Message, the 0x80 byte and the 8-byte length, rounded up to whole blocks.
                blockCounts[i] = (SizeOf(transactions[i], witness) + 9 + 63) / 64;
                order[i] = i;
            }
            Array.Sort(blockCounts, order, 0, n);
            for (int start = 0, end; start < n; start = end)
            {
                int blocks = blockCounts[start];
                for (end = start + 1; end < n && blockCounts[end] == blocks;)
                    end++;
                int next = start;
                for (; end - next >= width / 4; next += width)
                {
                    var members = order.AsSpan(next, Math.Min(width, end - next));
                    switch (path)
                    {
                        case Sha256Path.Vector512:
                            HashGroup<Avx512Sha256Lanes, Vector512<uint>>(transactions, members, blocks, witness, ids);
                            break;
                        case Sha256Path.Vector256Avx512:
                            HashGroup<Avx512VlSha256Lanes, Vector256<uint>>(transactions, members, blocks, witness, ids);
                            break;
                        default:
                            HashGroup<Avx2Sha256Lanes, Vector256<uint>>(transactions, members, blocks, witness, ids);
                            break;
                    }
                }
                for (; next < end; next++)
                    ids[order[next]] = Scalar(transactions[order[next]], witness);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(blockCounts);
            ArrayPool<int>.Shared.Return(order);
        }
    }

    private static int SizeOf(Transaction transaction, bool witness) => witness ? transaction.TotalSize : transaction.BaseSize;

    private static Hash256 Scalar(Transaction transaction, bool witness) =>
        witness ? transaction.ComputeWtxid().Value : transaction.ComputeTxid().Value;

    /// <summary>Hashes up to one lane width of transactions that all take <paramref name="blocks"/> blocks; empty lanes repeat the first member.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void HashGroup<TL, TV>(ReadOnlySpan<Transaction> transactions, ReadOnlySpan<int> members, int blocks, bool witness, Span<Hash256> ids)
        where TL : ISha256Lanes<TV> where TV : unmanaged
    {
        int width = TL.Width;
        int stride = blocks * 64;
        byte[] rented = ArrayPool<byte>.Shared.Rent(width * stride);
        try
        {
            // Each lane's padded message: encoding, 0x80, zeros, bit length (big-endian).
            for (int lane = 0; lane < width; lane++)
            {
                var message = rented.AsSpan(lane * stride, stride);
                var transaction = transactions[members[lane < members.Length ? lane : 0]];
                int length = SizeOf(transaction, witness);
                transaction.WriteEncoding(message[..length], witness);
                message[length] = 0x80;
                message[(length + 1)..^8].Clear();
                BinaryPrimitives.WriteUInt64BigEndian(message[^8..], (ulong)length * 8);
            }

            Span<uint> words = stackalloc uint[16 * width];
            Span<TV> block = stackalloc TV[16];
            var state = Sha256LaneState<TV>.Initial<TL>();
            for (int b = 0; b < blocks; b++)
            {
                for (int lane = 0; lane < width; lane++)
                {
                    var source = rented.AsSpan(lane * stride + b * 64, 64);
                    for (int i = 0; i < 16; i++)
                        words[i * width + lane] = BinaryPrimitives.ReadUInt32BigEndian(source[(4 * i)..]);
                }
                for (int i = 0; i < 16; i++)
                    block[i] = TL.Load(words.Slice(i * width, width));
                Sha256BlockKernel<TL, TV>.Compress(ref state, block);
            }
            // The first digest, as eight big-endian words per lane, is the 32-byte message of the second hash.
            Sha256DigestKernel<TL, TV>.Hash(ref state);
            Span<byte> digests = stackalloc byte[width * Hash256.Size];
            Sha256Batch.StoreDigests<TL, TV>(in state, words, digests);
            for (int lane = 0; lane < members.Length; lane++)
                ids[members[lane]] = new Hash256(digests.Slice(lane * Hash256.Size, Hash256.Size));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
