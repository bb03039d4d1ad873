using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Antimony.Consensus.Validation;
using Antimony.Primitives.Blocks;

namespace Antimony.Consensus.Chain;

/// <summary>
/// Every known header, its children and the candidate tips (entries whose whole chain is stored and not
/// known invalid), ordered by most work, then first seen. Mutated only under the chain state's lock;
/// lookups are safe from any thread.
/// </summary>
internal sealed class HeaderTree
{
    private readonly ConcurrentDictionary<BlockHash, ChainEntry> _entries = new();
    private readonly Dictionary<ChainEntry, List<ChainEntry>> _children = [];
    private readonly SortedSet<ChainEntry> _candidates = new(BestFirst.Instance);
    private long _sequence;

    public int Count => _entries.Count;

    public bool TryGet(BlockHash hash, [NotNullWhen(true)] out ChainEntry? entry) => _entries.TryGetValue(hash, out entry);

    /// <summary>The candidate with the most work (earliest seen among equals).</summary>
    public ChainEntry? BestCandidate => _candidates.Count == 0 ? null : _candidates.Min;

    /// <summary>Adds a header; <paramref name="sequence"/> restores a stored first-seen order, otherwise the next one is used.</summary>
    public ChainEntry Add(BlockHeader header, ChainEntry? previous, long? sequence = null)
    {
        long order = sequence ?? _sequence;
        _sequence = Math.Max(_sequence, order + 1);
        var entry = new ChainEntry(header, previous, order);
        if (!_entries.TryAdd(entry.Hash, entry))
            throw new InvalidOperationException($"Header {entry.Hash} is already in the tree.");
        if (previous is not null)
        {
            if (!_children.TryGetValue(previous, out var siblings))
                _children[previous] = siblings = [];
            siblings.Add(entry);
        }
        return entry;
    }

    /// <summary>Records that the block's data is stored; it and stored descendants become candidates once linked to genesis.</summary>
    public void MarkHasData(ChainEntry entry)
    {
        entry.Status |= BlockStatus.HasData;
        if (entry.Previous is not null && !entry.Previous.HasChainData)
            return;
        var pending = new Stack<ChainEntry>();
        pending.Push(entry);
        while (pending.TryPop(out var next))
        {
            if (next.IsInvalid)
                continue;
            next.HasChainData = true;
            _candidates.Add(next);
            foreach (var child in Children(next))
            {
                if ((child.Status & BlockStatus.HasData) != 0)
                    pending.Push(child);
            }
        }
    }

    /// <summary>Marks <paramref name="entry"/> invalid and every descendant invalid-by-ancestry; returns the changed entries.</summary>
    public List<ChainEntry> MarkInvalid(ChainEntry entry, RejectReason reason)
    {
        var changed = new List<ChainEntry>();
        entry.Status |= BlockStatus.Invalid;
        entry.InvalidReason ??= reason;
        var pending = new Stack<ChainEntry>();
        pending.Push(entry);
        while (pending.TryPop(out var next))
        {
            if (next != entry)
            {
                next.Status |= BlockStatus.InvalidAncestor;
                next.InvalidReason ??= RejectReasons.BadPreviousBlock;
            }
            next.HasChainData = false;
            _candidates.Remove(next);
            changed.Add(next);
            foreach (var child in Children(next))
                pending.Push(child);
        }
        return changed;
    }

    private List<ChainEntry> Children(ChainEntry entry) => _children.TryGetValue(entry, out var children) ? children : [];

    private sealed class BestFirst : IComparer<ChainEntry>
    {
        public static readonly BestFirst Instance = new();

        public int Compare(ChainEntry? x, ChainEntry? y)
        {
            if (ReferenceEquals(x, y))
                return 0;
            int byWork = y!.ChainWork.CompareTo(x!.ChainWork);
            return byWork != 0 ? byWork : x.Sequence.CompareTo(y.Sequence);
        }
    }
}
