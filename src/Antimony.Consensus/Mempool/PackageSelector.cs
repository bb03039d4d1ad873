using System.Collections.Immutable;
using Antimony.Primitives.Amounts;

namespace Antimony.Consensus.Mempool;

/// <summary>
/// Bitcoin Core's ancestor-package selection (<c>BlockAssembler::addPackageTxs</c>): repeatedly take the
/// transaction whose package (itself with its not-yet-taken ancestors) has the highest fee rate, add the whole
/// package parents first, and lower the package totals of its descendants by what was taken, so a child that
/// pays for a low-fee parent (CPFP) lifts the parent into the block.
/// </summary>
/// <remarks>
/// Works on the graph under the pool's lock and changes nothing: modified totals live in a side table, and the
/// priority queue is lazy (an entry is queued again when its totals drop, and stale copies are skipped).
/// </remarks>
internal static class PackageSelector
{
    // Core gives up after this many packages in a row fail to fit once the block is nearly full.
    private const int MaxConsecutiveFailures = 1000;
    private const long NearlyFullMargin = 4000;

    public static PackageSelection Select(MempoolGraph graph, long maxWeight)
    {
        var modified = new Dictionary<MempoolEntry, Package>();
        var queue = new PriorityQueue<MempoolEntry, Package>(PackageComparer.Instance);
        foreach (var entry in graph.Entries)
            queue.Enqueue(entry, Package.Of(entry));

        var taken = new HashSet<MempoolEntry>();
        var chosen = ImmutableArray.CreateBuilder<MempoolEntryInfo>();
        long weight = 0, fees = 0;
        int failures = 0;
        while (queue.TryDequeue(out var candidate, out var queued))
        {
            if (taken.Contains(candidate))
                continue;
            var current = modified.TryGetValue(candidate, out var changed) ? changed : Package.Of(candidate);
            if (current != queued)
                continue; // a fresher copy is queued
            if (weight + current.Weight > maxWeight)
            {
                if (++failures > MaxConsecutiveFailures && weight > maxWeight - NearlyFullMargin)
                    break;
                continue;
            }
            failures = 0;

            var package = MempoolGraph.CollectAncestors(candidate.Parents).Where(a => !taken.Contains(a)).Append(candidate).ToList();
            package.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
            foreach (var member in package)
            {
                taken.Add(member);
                chosen.Add(member.ToInfo());
                weight += member.Weight;
                fees += member.Fee;
            }
            foreach (var member in package)
            {
                var descendants = new HashSet<MempoolEntry>();
                MempoolGraph.CollectDescendants(member, descendants);
                foreach (var descendant in descendants)
                {
                    if (taken.Contains(descendant))
                        continue;
                    var before = modified.TryGetValue(descendant, out var m) ? m : Package.Of(descendant);
                    var after = new Package(before.Fees - member.Fee, before.Size - member.VirtualSize, before.Weight - member.Weight, descendant.Sequence);
                    modified[descendant] = after;
                    queue.Enqueue(descendant, after);
                }
            }
        }
        return new PackageSelection(chosen.ToImmutable(), new Money(fees), weight);
    }

    private readonly record struct Package(long Fees, long Size, long Weight, long Sequence)
    {
        public static Package Of(MempoolEntry entry) => new(entry.AncestorFees, entry.AncestorSize, entry.AncestorWeight, entry.Sequence);
    }

    /// <summary>Highest package fee rate first; among equals the earlier arrival.</summary>
    private sealed class PackageComparer : IComparer<Package>
    {
        public static PackageComparer Instance { get; } = new();

        public int Compare(Package x, Package y)
        {
            int byRate = FeeRate.Compare(new Money(y.Fees), y.Size, new Money(x.Fees), x.Size);
            return byRate != 0 ? byRate : x.Sequence.CompareTo(y.Sequence);
        }
    }
}
