using Antimony.Devnet.Observation;
using Antimony.Devnet.Statistics;

namespace Antimony.Devnet.Dashboard;

/// <summary>
/// The JSON document the dashboard page polls (<c>GET /api/network</c>): every node's key figures, the planned and
/// observed edges, the health score, and for the last blocks the delay from the first node to see each block to
/// every other node (from the nodes' own <c>recentBlocks</c>).
/// </summary>
internal static class DashboardData
{
    /// <summary>How many recent blocks the propagation chart shows.</summary>
    public const int ChartBlocks = 20;

    /// <summary>Builds the document from a snapshot.</summary>
    public static object From(NetworkSnapshot snapshot)
    {
        var state = snapshot.State;
        var health = snapshot.Health;
        var arrivals = snapshot.Nodes.Where(o => o.Status is not null)
            .SelectMany(o => o.Status!.RecentBlocks.Select(b => (node: o.Node.Index, block: b)))
            .GroupBy(a => a.block.Hash)
            .Select(g =>
            {
                long first = g.Min(a => a.block.ReceivedUnixMs);
                var delays = g.Select(a => (double)(a.block.ReceivedUnixMs - first)).ToList();
                return new
                {
                    height = g.First().block.Height,
                    hash = g.Key,
                    nodes = delays.Count,
                    p50Ms = Math.Round(Percentiles.Of(delays, 50), 1),
                    maxMs = Math.Round(delays.Max(), 1),
                };
            })
            .OrderByDescending(b => b.height).Take(ChartBlocks).OrderBy(b => b.height).ToList();
        return new
        {
            takenUnixMs = snapshot.TakenUnixMs,
            network = state.Network,
            topology = state.Topology.ToString().ToLowerInvariant(),
            health = new { score = health.Total, running = health.Running, connections = health.Connections, errorFree = health.ErrorFree, responsive = health.Responsive },
            nodes = snapshot.Nodes.Select(o => new
            {
                index = o.Node.Index,
                name = o.Node.Name,
                region = o.Status?.Region ?? o.Node.Region,
                port = o.Node.Port,
                alive = o.Alive,
                up = o.Status is not null,
                error = o.Error,
                height = o.Status?.Height,
                tip = o.Status?.BestBlockHash,
                peers = o.Status?.Peers.Count,
                inbound = o.Status?.Connections.Inbound,
                outbound = o.Status?.Connections.Outbound,
                mempool = o.Status?.Mempool.Size,
                hashRate = o.Status?.Mining.HashRate,
                miner = o.Node.Miner,
                memoryMb = o.Status is { } s ? Math.Round(s.Process.WorkingSetBytes / 1e6, 1) : (double?)null,
            }),
            plannedEdges = state.PlannedEdges.Select(e => new { from = e.From, to = e.To }),
            edges = snapshot.ObservedEdges.Select(e => new { from = e.From, to = e.To }),
            blocks = arrivals,
        };
    }
}
