using Antimony.P2P.Connections;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Antimony.Rpc.Monitoring.Health;

/// <summary>Healthy with at least one connected peer; degraded when alone (or when P2P is not part of the node).</summary>
public sealed class PeersHealthCheck(PeerNetwork? network = null) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (network is null)
            return Task.FromResult(HealthCheckResult.Degraded("The node has no peer-to-peer layer (AddPeerToPeer was not called)."));
        var peers = network.Peers;
        int inbound = peers.Count(p => p.IsInbound);
        var data = new Dictionary<string, object> { ["inbound"] = inbound, ["outbound"] = peers.Count - inbound };
        return Task.FromResult(peers.Count > 0
            ? HealthCheckResult.Healthy($"{peers.Count} peer(s) connected.", data)
            : HealthCheckResult.Degraded("No peer is connected.", data: data));
    }
}
