using System.Diagnostics;
using System.Globalization;
using Antimony.Devnet.Nodes;
using Antimony.Devnet.Rpc;
using Antimony.Devnet.State;
using Antimony.Devnet.Statistics;

namespace Antimony.Devnet.Observation;

/// <summary>Every node's /status taken at (nearly) one moment, plus what follows from them: edges and health.</summary>
internal sealed class NetworkSnapshot
{
    private NetworkSnapshot(DevnetState state, IReadOnlyList<NodeObservation> nodes, long takenUnixMs)
    {
        State = state;
        Nodes = nodes;
        TakenUnixMs = takenUnixMs;
    }

    /// <summary>The devnet looked at.</summary>
    public DevnetState State { get; }

    /// <summary>One observation per recorded node, by index.</summary>
    public IReadOnlyList<NodeObservation> Nodes { get; }

    /// <summary>When the snapshot was taken.</summary>
    public long TakenUnixMs { get; }

    /// <summary>A snapshot of observations already made (tests, replays).</summary>
    public static NetworkSnapshot Of(DevnetState state, IReadOnlyList<NodeObservation> nodes, long takenUnixMs) => new(state, nodes, takenUnixMs);

    /// <summary>Asks every node for /status in parallel, each within <paramref name="deadline"/>.</summary>
    public static async Task<NetworkSnapshot> TakeAsync(DevnetState state, DevnetClients clients, TimeSpan deadline, CancellationToken cancellationToken)
    {
        long taken = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var observations = await Task.WhenAll(state.Nodes.Select(async node =>
        {
            bool alive = ProcessTable.IsAlive(node.Pid);
            var clock = Stopwatch.StartNew();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(deadline);
            try
            {
                var status = await clients[node.Index].GetStatusAsync(timeout.Token);
                return new NodeObservation(node, alive, status, null, clock.Elapsed.TotalMilliseconds);
            }
            catch (Exception e) when (e is RpcException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return new NodeObservation(node, alive, null, e is OperationCanceledException ? "no answer in time" : e.Message, clock.Elapsed.TotalMilliseconds);
            }
        }));
        return new NetworkSnapshot(state, observations, taken);
    }

    /// <summary>
    /// The connections seen, as (dialler, dialled) node indices, from each node's outbound peers (whose address is
    /// the endpoint dialled); inbound peers add nothing because their ports are ephemeral.
    /// </summary>
    public IReadOnlyList<(int From, int To)> ObservedEdges =>
        [.. Nodes.Where(o => o.Status is not null).SelectMany(o => o.Status!.Peers
            .Where(p => !p.Inbound && PortOf(p.Address) is int port && State.NodeByPort(port) is not null)
            .Select(p => (o.Node.Index, State.NodeByPort(PortOf(p.Address)!.Value)!.Index)))
            .Distinct()];

    /// <summary>The network's 0-100 health score.</summary>
    public HealthScore Health => HealthScore.Compute(
        Nodes.Count,
        Nodes.Count(o => o.Alive),
        Nodes.Sum(o => o.Status?.Handshakes.Succeeded ?? 0),
        Nodes.Sum(o => o.Status?.Handshakes.Failed ?? 0),
        Nodes.Count(o => o.ErrorFree),
        Nodes.Count(o => o.Responsive));

    /// <summary>True when every node answered and all share one tip.</summary>
    public bool Converged => Nodes.All(o => o.Status is not null) && Nodes.Select(o => o.Status!.BestBlockHash).Distinct().Count() == 1;

    /// <summary>The port of "host:port", or null.</summary>
    public static int? PortOf(string? endpoint)
    {
        if (endpoint is null)
            return null;
        int colon = endpoint.LastIndexOf(':');
        return colon >= 0 && int.TryParse(endpoint.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) ? port : null;
    }
}
