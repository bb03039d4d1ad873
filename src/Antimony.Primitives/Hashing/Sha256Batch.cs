using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Antimony.Primitives.Hashing;

/// <summary>
/// SHA-256d of many equal-shaped messages at once on the multi-lane kernels: a merkle level hashes
/// 8 or 16 pairs of children per pass instead of one, and so does a batch of equal-length messages.
/// </summary>
[SkipLocalsInit]
public static class Sha256Batch
{
    // The second block of a 64-byte message is padding only (bit length 512), so its whole
    // schedule is a constant.
    private static readonly uint[] PairPadding = Sha256Constants.PaddingBlockSchedule(512);

    /// <summary>
    /// One merkle level on the chosen path: <c>parents[i] = SHA-256d(children[2i] || children[2i+1])</c>.
    /// Whole groups of 8 or 16 pairs go through the vector kernel, the remainder through the scalar one.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="children"/> is not exactly twice as long as <paramref name="parents"/>.</exception>
    /// <exception cref="PlatformNotSupportedException"><paramref name="path"/> is not available here.</exception>
    public static void HashPairs(ReadOnlySpan<Hash256> children, Span<Hash256> parents, Sha256Path path)
    {
        if (children.Length != 2 * parents.Length)
            throw new ArgumentException("There must be exactly two children per parent.", nameof(children));
        Sha256Lanes.EnsureAvailable(path);
        ReadOnlySpan<byte> input = MemoryMarshal.AsBytes(children);
        Span<byte> output = MemoryMarshal.AsBytes(parents);
        int done = path switch
        {
            Sha256Path.Vector512 => HashPairGroups<Avx512Sha256Lanes, Vector512<uint>>(input, output),
            Sha256Path.Vector256Avx512 => HashPairGroups<Avx512VlSha256Lanes, Vector256<uint>>(input, output),
            Sha256Path.Vector256 => HashPairGroups<Avx2Sha256Lanes, Vector256<uint>>(input, output),
            _ => 0,
        };
        HashPairGroups<ScalarSha256Lanes, uint>(input[(done * 64)..], output[(done * Hash256.Size)..]);
    }

    /// <summary>
    /// SHA-256d of many messages of the same length at once: <c>hashes[i] = SHA-256d(messages[i × length .. (i + 1) × length])</c>.
    /// For batches of equal-shaped short inputs (P2P checksums, same-size transactions, test corpora).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="messages"/> is not exactly <paramref name="length"/> bytes per hash, or the batch exceeds 2 GB.</exception>
    /// <exception cref="PlatformNotSupportedException"><paramref name="path"/> is not available here.</exception>
    public static void HashMany(ReadOnlySpan<byte> messages, int length, Span<Hash256> hashes, Sha256Path path)
    {
        if (length < 0 || (long)length * hashes.Length != messages.Length)
            throw new ArgumentException("The messages must be exactly one length-sized slice per hash.", nameof(messages));
        Sha256Lanes.EnsureAvailable(path);
        Span<byte> output = MemoryMarshal.AsBytes(hashes);
        int done = path switch
        {
            Sha256Path.Vector512 => HashManyGroups<Avx512Sha256Lanes, Vector512<uint>>(messages, length, output),
            Sha256Path.Vector256Avx512 => HashManyGroups<Avx512VlSha256Lanes, Vector256<uint>>(messages, length, output),
            Sha256Path.Vector256 => HashManyGroups<Avx2Sha256Lanes, Vector256<uint>>(messages, length, output),
            _ => 0,
        };
        HashManyGroups<ScalarSha256Lanes, uint>(messages[(done * length)..], length, output[(done * Hash256.Size)..]);
    }

    /// <summary>Hashes as many whole groups of pairs as fit; returns how many pairs were hashed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe int HashPairGroups<TL, TV>(ReadOnlySpan<byte> pairs, Span<byte> parents)
        where TL : ISha256Lanes<TV> where TV : unmanaged
    {
        int width = TL.Width;
        int groups = pairs.Length / 64 / width;
        Span<uint> scratch = stackalloc uint[8 * width];
        Span<TV> block = stackalloc TV[16];
        fixed (byte* input = pairs)
        {
            for (int group = 0; group < groups; group++)
            {
                byte* messages = input + group * width * 64;
                for (int i = 0; i < 16; i++)
                    block[i] = TL.GatherBigEndian(messages + 4 * i, 64);
                var state = Sha256LaneState<TV>.Initial<TL>();
                Sha256BlockKernel<TL, TV>.Compress(ref state, block);
                Sha256BlockKernel<TL, TV>.CompressScheduled(ref state, PairPadding);
                Sha256DigestKernel<TL, TV>.Hash(ref state);
                StoreDigests<TL, TV>(in state, scratch, parents.Slice(group * width * Hash256.Size, width * Hash256.Size));
            }
        }
        return groups * width;
    }

    /// <summary>Hashes as many whole groups of equal-length messages as fit; returns how many were hashed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe int HashManyGroups<TL, TV>(ReadOnlySpan<byte> messages, int length, Span<byte> digests)
        where TL : ISha256Lanes<TV> where TV : unmanaged
    {
        int width = TL.Width;
        int groups = digests.Length / Hash256.Size / width;
        int blocks = (length + 9 + 63) / 64; // message, the 0x80 byte and the 64-bit bit length
        Span<uint> scratch = stackalloc uint[8 * width];
        Span<byte> padded = stackalloc byte[64 * width];
        Span<TV> block = stackalloc TV[16];
        fixed (byte* input = messages)
        fixed (byte* tail = padded)
        {
            for (int group = 0; group < groups; group++)
            {
                byte* first = input + (long)group * width * length;
                var state = Sha256LaneState<TV>.Initial<TL>();
                for (int b = 0; b < blocks; b++)
                {
                    int offset = 64 * b;
                    if (offset + 64 <= length)
                    {
                        for (int i = 0; i < 16; i++)
                            block[i] = TL.GatherBigEndian(first + offset + 4 * i, length);
                    }
                    else
                    {
                        // A block holding the message's end and/or its padding: assemble it per lane.
                        for (int lane = 0; lane < width; lane++)
                            PadBlock(new ReadOnlySpan<byte>(first + (long)lane * length, length), offset, b == blocks - 1, padded.Slice(64 * lane, 64));
                        for (int i = 0; i < 16; i++)
                            block[i] = TL.GatherBigEndian(tail + 4 * i, 64);
                    }
                    Sha256BlockKernel<TL, TV>.Compress(ref state, block);
                }
                Sha256DigestKernel<TL, TV>.Hash(ref state);
                StoreDigests<TL, TV>(in state, scratch, digests.Slice(group * width * Hash256.Size, width * Hash256.Size));
            }
        }
        return groups * width;
    }

    /// <summary>Block <paramref name="offset"/>/64 of a message after FIPS 180-4 padding (0x80, zeros, 64-bit big-endian bit length).</summary>
    private static void PadBlock(ReadOnlySpan<byte> message, int offset, bool last, Span<byte> block)
    {
        block.Clear();
        int available = Math.Max(0, message.Length - offset);
        message.Slice(Math.Min(offset, message.Length), Math.Min(available, 64)).CopyTo(block);
        if (available < 64 && message.Length - offset >= 0)
            block[available] = 0x80;
        if (last)
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(block[56..], (ulong)message.Length * 8);
    }

    /// <summary>Writes each lane's eight state words big-endian as its 32-byte digest.</summary>
    internal static void StoreDigests<TL, TV>(in Sha256LaneState<TV> state, Span<uint> scratch, Span<byte> digests)
        where TL : ISha256Lanes<TV> where TV : unmanaged
    {
        int width = TL.Width;
        // Byte-swap in registers, then only move 32-bit words from word-major to lane-major order.
        ReadOnlySpan<TV> words = MemoryMarshal.CreateReadOnlySpan(in state.H0, 8);
        for (int i = 0; i < 8; i++)
            TL.Store(TL.ReverseBytes(words[i]), scratch[(i * width)..]);
        Span<uint> output = MemoryMarshal.Cast<byte, uint>(digests);
        for (int lane = 0; lane < width; lane++)
        {
            for (int i = 0; i < 8; i++)
                output[lane * 8 + i] = scratch[i * width + lane];
        }
    }
}
