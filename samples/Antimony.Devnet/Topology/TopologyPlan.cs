namespace Antimony.Devnet.Topology;

/// <summary>
/// Which nodes each node dials on start (its bootstraps), for a network of a given size and shape. The
/// plan is also the set of edges <c>test connectivity</c> expects to find.
/// </summary>
internal sealed class TopologyPlan
{
    /// <summary>Children per node in the tiered tree (the original 10-node layout: 0 serves 1-3, 1 serves 4-6, 2 serves 7-9).</summary>
    public const int TieredFanOut = 3;

    private readonly int[][] _bootstraps;

    private TopologyPlan(TopologyKind kind, int[][] bootstraps)
    {
        Kind = kind;
        _bootstraps = bootstraps;
    }

    /// <summary>The shape.</summary>
    public TopologyKind Kind { get; }

    /// <summary>The number of nodes.</summary>
    public int NodeCount => _bootstraps.Length;

    /// <summary>Builds the plan for <paramref name="nodeCount"/> nodes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one node.</exception>
    public static TopologyPlan Create(TopologyKind kind, int nodeCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nodeCount, 1);
        var bootstraps = new int[nodeCount][];
        bootstraps[0] = [];
        for (int i = 1; i < nodeCount; i++)
        {
            bootstraps[i] = kind switch
            {
                TopologyKind.Tiered => [(i - 1) / TieredFanOut],
                TopologyKind.Line => [i - 1],
                TopologyKind.Mesh => [.. Enumerable.Range(0, i)],
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown topology."),
            };
        }
        return new TopologyPlan(kind, bootstraps);
    }

    /// <summary>The nodes node <paramref name="index"/> dials on start.</summary>
    public IReadOnlyList<int> BootstrapsOf(int index) => _bootstraps[index];

    /// <summary>Every planned connection as (dialler, bootstrap), in node order.</summary>
    public IReadOnlyList<(int From, int To)> Edges =>
        [.. _bootstraps.SelectMany((targets, from) => targets.Select(to => (from, to)))];

    /// <summary>How deep node <paramref name="index"/> sits below node 0 (hops along its first bootstrap).</summary>
    public int DepthOf(int index)
    {
        int depth = 0;
        for (int i = index; _bootstraps[i].Length > 0; i = _bootstraps[i][0])
            depth++;
        return depth;
    }
}
