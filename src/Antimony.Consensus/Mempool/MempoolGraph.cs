using System.Diagnostics.CodeAnalysis;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Mempool;

/// <summary>
/// The pooled transactions as a graph: lookup by txid, which entry spends each outpoint, parent/child links,
/// ancestor and descendant totals kept exact on every add and remove, and the entries ordered by descendant
/// score for eviction. Not thread-safe: the <see cref="TransactionPool"/>'s lock guards it.
/// </summary>
internal sealed class MempoolGraph
{
    private readonly Dictionary<Txid, MempoolEntry> _entries = [];
    private readonly Dictionary<OutPoint, MempoolEntry> _spenders = [];
    private readonly SortedSet<MempoolEntry> _byDescendantScore = new(DescendantScoreComparer.Instance);

    public int Count => _entries.Count;

    /// <summary>The total serialized size of the pooled transactions.</summary>
    public long Bytes { get; private set; }

    public IEnumerable<MempoolEntry> Entries => _entries.Values;

    /// <summary>The entry with the lowest descendant fee rate: the first to evict.</summary>
    public MempoolEntry? LowestDescendantScore => _byDescendantScore.Count == 0 ? null : _byDescendantScore.Min;

    public bool TryGet(Txid txid, [NotNullWhen(true)] out MempoolEntry? entry) => _entries.TryGetValue(txid, out entry);

    public bool Contains(Txid txid) => _entries.ContainsKey(txid);

    /// <summary>The pooled transaction spending <paramref name="outPoint"/>, if any.</summary>
    public bool TryGetSpender(in OutPoint outPoint, [NotNullWhen(true)] out MempoolEntry? spender) => _spenders.TryGetValue(outPoint, out spender);

    /// <summary>The entries in a valid block order (parents before children).</summary>
    public List<MempoolEntry> InTopologicalOrder()
    {
        var list = new List<MempoolEntry>(_entries.Values);
        list.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        return list;
    }

    /// <summary>The in-pool entries whose outputs <paramref name="transaction"/> spends.</summary>
    public HashSet<MempoolEntry> FindParents(Transaction transaction)
    {
        var parents = new HashSet<MempoolEntry>();
        foreach (var input in transaction.Inputs)
        {
            if (_entries.TryGetValue(input.PreviousOutput.Txid, out var parent))
                parents.Add(parent);
        }
        return parents;
    }

    /// <summary>All in-pool ancestors reachable from <paramref name="parents"/> (the parents included).</summary>
    public static HashSet<MempoolEntry> CollectAncestors(IEnumerable<MempoolEntry> parents)
    {
        var ancestors = new HashSet<MempoolEntry>();
        var stack = new Stack<MempoolEntry>(parents);
        while (stack.TryPop(out var next))
        {
            if (!ancestors.Add(next))
                continue;
            foreach (var parent in next.Parents)
                stack.Push(parent);
        }
        return ancestors;
    }

    /// <summary>Adds <paramref name="entry"/> and all its in-pool descendants to <paramref name="into"/>.</summary>
    public static void CollectDescendants(MempoolEntry entry, HashSet<MempoolEntry> into)
    {
        var stack = new Stack<MempoolEntry>();
        stack.Push(entry);
        while (stack.TryPop(out var next))
        {
            if (!into.Add(next))
                continue;
            foreach (var child in next.Children)
                stack.Push(child);
        }
    }

    /// <summary>
    /// Adds an entry whose in-pool parents are <paramref name="parents"/> (all present) and which has no
    /// in-pool children: its ancestor totals become the sum over <paramref name="ancestors"/> plus itself,
    /// and each ancestor's descendant totals grow by it.
    /// </summary>
    public void Add(MempoolEntry entry, IReadOnlyCollection<MempoolEntry> parents, IReadOnlyCollection<MempoolEntry> ancestors)
    {
        entry.ResetAggregates();
        foreach (var parent in parents)
        {
            entry.Parents.Add(parent);
            parent.Children.Add(entry);
        }
        foreach (var ancestor in ancestors)
        {
            entry.AncestorCount++;
            entry.AncestorSize += ancestor.VirtualSize;
            entry.AncestorWeight += ancestor.Weight;
            entry.AncestorFees += ancestor.Fee;
            AdjustDescendants(ancestor, entry, +1);
        }
        _entries.Add(entry.Txid, entry);
        foreach (var input in entry.Transaction.Inputs)
            _spenders[input.PreviousOutput] = entry;
        _byDescendantScore.Add(entry);
        Bytes += entry.Bytes;
    }

    /// <summary>
    /// Removes <paramref name="removed"/>: the ancestors left behind lose them from their descendant totals,
    /// the descendants left behind (children of a confirmed transaction) lose them from their ancestor totals.
    /// </summary>
    public void Remove(HashSet<MempoolEntry> removed)
    {
        foreach (var entry in removed)
        {
            foreach (var ancestor in CollectAncestors(entry.Parents))
            {
                if (!removed.Contains(ancestor))
                    AdjustDescendants(ancestor, entry, -1);
            }
            var descendants = new HashSet<MempoolEntry>();
            CollectDescendants(entry, descendants);
            foreach (var descendant in descendants)
            {
                if (descendant == entry || removed.Contains(descendant))
                    continue;
                descendant.AncestorCount--;
                descendant.AncestorSize -= entry.VirtualSize;
                descendant.AncestorWeight -= entry.Weight;
                descendant.AncestorFees -= entry.Fee;
            }
        }
        foreach (var entry in removed)
        {
            foreach (var parent in entry.Parents)
                parent.Children.Remove(entry);
            foreach (var child in entry.Children)
                child.Parents.Remove(entry);
            _entries.Remove(entry.Txid);
            foreach (var input in entry.Transaction.Inputs)
            {
                if (_spenders.TryGetValue(input.PreviousOutput, out var spender) && spender == entry)
                    _spenders.Remove(input.PreviousOutput);
            }
            _byDescendantScore.Remove(entry);
            Bytes -= entry.Bytes;
        }
    }

    /// <summary>Empties the graph (the reorganization path rebuilds it from scratch).</summary>
    public void Clear()
    {
        _entries.Clear();
        _spenders.Clear();
        _byDescendantScore.Clear();
        Bytes = 0;
    }

    /// <summary>The total fee of a set of entries.</summary>
    public static Money SumFees(IEnumerable<MempoolEntry> entries) => new(entries.Sum(e => e.Fee));

    // The sorted set orders by descendant totals, so they change only while the entry is out of it.
    private void AdjustDescendants(MempoolEntry ancestor, MempoolEntry descendant, int sign)
    {
        bool indexed = _byDescendantScore.Remove(ancestor);
        ancestor.DescendantCount += sign;
        ancestor.DescendantSize += sign * descendant.VirtualSize;
        ancestor.DescendantFees += sign * descendant.Fee;
        if (indexed)
            _byDescendantScore.Add(ancestor);
    }

    /// <summary>Lowest descendant fee rate first; among equals the newest first (Core evicts the later arrival).</summary>
    private sealed class DescendantScoreComparer : IComparer<MempoolEntry>
    {
        public static DescendantScoreComparer Instance { get; } = new();

        public int Compare(MempoolEntry? x, MempoolEntry? y)
        {
            if (ReferenceEquals(x, y))
                return 0;
            if (x is null || y is null)
                return x is null ? -1 : 1;
            int byRate = FeeRate.Compare(new Money(x.DescendantFees), x.DescendantSize, new Money(y.DescendantFees), y.DescendantSize);
            return byRate != 0 ? byRate : y.Sequence.CompareTo(x.Sequence);
        }
    }
}
