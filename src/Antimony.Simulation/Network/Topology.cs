namespace Antimony.Simulation.Network;

/// <summary>Builds the connection graph: a list of (dialler, listener) pairs, each an undirected link.</summary>
internal static class Topology
{
    /// <summary>The links of <paramref name="kind"/> over <paramref name="nodes"/> nodes, drawn from <paramref name="random"/>.</summary>
    public static List<(int From, int To)> Build(TopologyKind kind, int nodes, int outbound, Random random) => kind switch
    {
        TopologyKind.Tiered => Tiered(nodes),
        _ => RandomOutbound(nodes, outbound, random),
    };

    private static List<(int, int)> Tiered(int nodes)
    {
        var links = new List<(int, int)>(nodes);
        for (int i = 1; i < nodes; i++)
            links.Add((i, (i - 1) / 3));
        return links;
    }

    private static List<(int, int)> RandomOutbound(int nodes, int outbound, Random random)
    {
        var links = new List<(int, int)>(nodes * outbound);
        var connected = new HashSet<(int, int)>();
        int target = Math.Min(outbound, nodes - 1);
        for (int i = 0; i < nodes; i++)
        {
            int made = 0;
            // Peers already linked to i (by their own outbound) are skipped; a bounded number of draws keeps
            // tiny networks, where most pairs are taken, from looping.
            for (int attempt = 0; made < target && attempt < 64 * target; attempt++)
            {
                int peer = random.Next(nodes);
                if (peer == i || !connected.Add((Math.Min(i, peer), Math.Max(i, peer))))
                    continue;
                links.Add((i, peer));
                made++;
            }
        }
        return links;
    }
}
