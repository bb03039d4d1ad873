using System.Globalization;
using Antimony.Devnet.Observation;
using Antimony.Devnet.Rpc;
using Antimony.Devnet.State;

namespace Antimony.Devnet.Checks;

/// <summary>
/// <c>test connectivity</c>: every node answers, completed handshakes per node, how the inbound load spreads over the
/// bootstraps, every planned bootstrap edge is up, and the connection graph joins every node. Passes when all nodes
/// answer with a peer, every planned edge is present (either direction) and the graph is connected.
/// </summary>
internal sealed class ConnectivityCheck(DevnetState state, DevnetClients clients, TextWriter log)
{
    /// <summary>Runs the test, retrying the edge check for up to <paramref name="settle"/> while connections come up.</summary>
    public async Task<CheckResult> RunAsync(TimeSpan settle, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + settle;
        NetworkSnapshot snapshot;
        List<(int From, int To)> missing;
        while (true)
        {
            snapshot = await NetworkSnapshot.TakeAsync(state, clients, TimeSpan.FromSeconds(5), cancellationToken);
            var observed = snapshot.ObservedEdges.ToHashSet();
            missing = [.. state.PlannedEdges.Where(e => !observed.Contains(e) && !observed.Contains((e.To, e.From)))];
            if ((missing.Count == 0 && snapshot.Nodes.All(o => o.Status is not null)) || DateTime.UtcNow >= deadline)
                break;
            await Task.Delay(500, cancellationToken);
        }
        var failures = new List<string>();
        var lines = new List<string>();
        foreach (var o in snapshot.Nodes)
        {
            if (o.Status is not { } s)
            {
                failures.Add($"{o.Node.Name} does not answer: {o.Error}");
                continue;
            }
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{o.Node.Name,-7} handshakes ok {s.Handshakes.Succeeded,4} failed {s.Handshakes.Failed,3}   peers {s.Peers.Count,2} (in {s.Connections.Inbound}, out {s.Connections.Outbound})"));
            if (state.Nodes.Count > 1 && s.Peers.Count == 0)
                failures.Add($"{o.Node.Name} has no peers");
        }
        foreach (var (from, to) in missing)
            failures.Add($"planned edge node{from} -> node{to} is not up");
        var edges = snapshot.ObservedEdges;
        if (!IsConnected(state.Nodes.Count, edges))
            failures.Add("the connection graph is split");
        var bootstrapLoad = state.Nodes.Where(n => state.PlannedEdges.Any(e => e.To == n.Index))
            .Select(n => (n, inbound: snapshot.Nodes[n.Index].Status?.Connections.Inbound ?? 0, planned: state.PlannedEdges.Count(e => e.To == n.Index)))
            .ToList();
        lines.Add("bootstrap load (inbound now / planned dialers): " + string.Join(", ", bootstrapLoad.Select(b => $"{b.n.Name} {b.inbound}/{b.planned}")));
        lines.Add($"planned edges up: {state.PlannedEdges.Count - missing.Count}/{state.PlannedEdges.Count}; outbound links between devnet nodes: {edges.Count}");
        foreach (string line in lines)
            log.WriteLine(line);
        long succeeded = snapshot.Nodes.Sum(o => o.Status?.Handshakes.Succeeded ?? 0);
        long failed = snapshot.Nodes.Sum(o => o.Status?.Handshakes.Failed ?? 0);
        return new CheckResult("connectivity", failures.Count == 0, [.. failures, .. lines], new Dictionary<string, double>
        {
            ["plannedEdges"] = state.PlannedEdges.Count,
            ["plannedEdgesUp"] = state.PlannedEdges.Count - missing.Count,
            ["handshakesSucceeded"] = succeeded,
            ["handshakesFailed"] = failed,
            ["maxBootstrapInbound"] = bootstrapLoad.Count == 0 ? 0 : bootstrapLoad.Max(b => b.inbound),
            ["healthScore"] = snapshot.Health.Total,
        });
    }

    /// <summary>True when the undirected graph of <paramref name="edges"/> over <paramref name="nodes"/> nodes is connected.</summary>
    public static bool IsConnected(int nodes, IEnumerable<(int From, int To)> edges)
    {
        if (nodes <= 1)
            return true;
        var neighbours = Enumerable.Range(0, nodes).Select(_ => new List<int>()).ToArray();
        foreach (var (from, to) in edges)
        {
            neighbours[from].Add(to);
            neighbours[to].Add(from);
        }
        var seen = new bool[nodes];
        var stack = new Stack<int>([0]);
        seen[0] = true;
        while (stack.TryPop(out int node))
        {
            foreach (int next in neighbours[node].Where(n => !seen[n]))
            {
                seen[next] = true;
                stack.Push(next);
            }
        }
        return seen.All(s => s);
    }
}
