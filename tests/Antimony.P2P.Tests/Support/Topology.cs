namespace Antimony.P2P.Tests.Support;

/// <summary>
/// The graph a set of in-process nodes forms, read from each node's outbound peers: an outbound peer's remote
/// endpoint is the listening endpoint dialled, which names the node at the other end (an inbound peer shows
/// only an ephemeral port). A link dialled in both directions is one edge.
/// </summary>
internal sealed class Topology
{
    private Topology(IReadOnlyList<TestPeerNode> nodes)
    {
        var index = nodes.Select((n, i) => (n.EndPoint, i)).ToDictionary(x => x.EndPoint, x => x.i);
        var edges = new HashSet<(int, int)>();
        int connections = 0;
        for (int from = 0; from < nodes.Count; from++)
        {
            foreach (var peer in nodes[from].Network.Peers.Where(p => !p.IsInbound))
            {
                if (!index.TryGetValue(peer.RemoteEndPoint, out int to))
                    continue;
                connections++;
                edges.Add((Math.Min(from, to), Math.Max(from, to)));
            }
        }
        Edges = edges;
        OutboundConnections = connections;
        Degrees = [.. Enumerable.Range(0, nodes.Count).Select(i => edges.Count(e => e.Item1 == i || e.Item2 == i))];
    }

    /// <summary>Distinct node pairs with at least one connection, lower index first.</summary>
    public IReadOnlySet<(int A, int B)> Edges { get; }

    /// <summary>Outbound connections between the nodes (a pair dialled both ways counts twice).</summary>
    public int OutboundConnections { get; }

    /// <summary>The number of distinct neighbours of each node.</summary>
    public int[] Degrees { get; }

    public static Topology Of(IReadOnlyList<TestPeerNode> nodes) => new(nodes);

    public override string ToString() =>
        $"{Edges.Count} edges over {OutboundConnections} outbound connections; degrees "
        + string.Join(", ", Degrees.Select((d, i) => $"node {i}: {d}"));
}
