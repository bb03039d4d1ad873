using Antimony.Consensus.Validation;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Numerics;

namespace Antimony.Consensus.Chain;

/// <summary>
/// One header in the node's tree of known headers: its height, cumulative work and status, linked to
/// its parent. Entries are created only by the chain state; their identity never changes.
/// </summary>
public sealed class ChainEntry
{
    private const int MedianTimeSpan = 11;

    internal ChainEntry(BlockHeader header, ChainEntry? previous, long sequence)
    {
        Header = header;
        Hash = header.Hash;
        Previous = previous;
        Height = previous is null ? 0 : previous.Height + 1;
        ChainWork = (previous?.ChainWork ?? UInt256.Zero) + header.Bits.GetWork();
        Sequence = sequence;
        Skip = previous?.GetAncestor(GetSkipHeight(Height));
        MedianTimePast = ComputeMedianTimePast(MedianTimeSpan);
    }

    /// <summary>The header.</summary>
    public BlockHeader Header { get; }

    /// <summary>The block's id, computed once.</summary>
    public BlockHash Hash { get; }

    /// <summary>The parent entry; <see langword="null"/> only for the genesis block.</summary>
    public ChainEntry? Previous { get; }

    /// <summary>The number of blocks before this one (genesis is 0).</summary>
    public int Height { get; }

    /// <summary>
    /// The expected number of hashes to produce this chain from genesis up to and including this block:
    /// the sum of 2^256 / (target + 1). The active chain is the valid chain with the most of it.
    /// </summary>
    public UInt256 ChainWork { get; }

    /// <summary>The median of the times of this block and the ten before it (fewer near genesis): Bitcoin's span, computed once.</summary>
    public uint MedianTimePast { get; }

    /// <summary>The median of the times of this block and the <paramref name="span"/> − 1 before it (fewer near genesis).</summary>
    public uint GetMedianTimePast(int span) => span == MedianTimeSpan ? MedianTimePast : ComputeMedianTimePast(span);

    /// <summary>What is known about the block.</summary>
    public BlockStatus Status { get; internal set; }

    /// <summary>Why the block was found invalid, when <see cref="Status"/> says it is.</summary>
    public RejectReason? InvalidReason { get; internal set; }

    /// <summary>Whether the block or one of its ancestors is invalid.</summary>
    public bool IsInvalid => (Status & BlockStatus.AnyInvalid) != 0;

    /// <summary>Whether this block and all its ancestors are stored and not known invalid (a candidate tip).</summary>
    internal bool HasChainData { get; set; }

    /// <summary>The order in which the node first learnt of the header; the earlier wins ties in work.</summary>
    internal long Sequence { get; }

    // Bitcoin Core's skip pointer: an ancestor far back, making GetAncestor logarithmic.
    private ChainEntry? Skip { get; }

    /// <summary>The ancestor at <paramref name="height"/> (this entry for its own height), or <see langword="null"/> above it.</summary>
    public ChainEntry? GetAncestor(int height)
    {
        if (height > Height || height < 0)
            return null;
        var walk = this;
        while (walk.Height > height)
        {
            int skipHeight = GetSkipHeight(walk.Height);
            int skipHeightPrevious = GetSkipHeight(walk.Height - 1);
            if (walk.Skip is not null &&
                (skipHeight == height || (skipHeight > height && !(skipHeightPrevious < skipHeight - 2 && skipHeightPrevious >= height))))
                walk = walk.Skip;
            else
                walk = walk.Previous!;
        }
        return walk;
    }

    /// <summary>The block id and height.</summary>
    public override string ToString() => $"{Hash} at {Height}";

    private uint ComputeMedianTimePast(int span)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(span, 1);
        Span<uint> times = span <= 64 ? stackalloc uint[span] : new uint[span];
        int count = 0;
        for (var walk = this; walk is not null && count < span; walk = walk.Previous)
            times[count++] = walk.Header.Time;
        times = times[..count];
        times.Sort();
        return times[count / 2];
    }

    private static int InvertLowestOne(int n) => n & (n - 1);

    private static int GetSkipHeight(int height) =>
        height < 2 ? 0 : (height & 1) != 0 ? InvertLowestOne(InvertLowestOne(height - 1)) + 1 : InvertLowestOne(height);
}
