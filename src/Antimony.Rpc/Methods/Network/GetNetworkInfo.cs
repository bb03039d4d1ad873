using System.Text.Json;
using Antimony.Consensus.Mempool;
using Antimony.P2P.Hosting;
using Antimony.P2P.Messages;
using Antimony.Primitives.Amounts;
using Antimony.Rpc.Json;
using Antimony.Rpc.Monitoring;
using Microsoft.Extensions.Options;

namespace Antimony.Rpc.Methods.Network;

/// <summary>
/// <c>getnetworkinfo</c>: version, user agent, services, connection counts, relay fees and local addresses in Core's shape,
/// plus <c>healthscore</c> (0-100) when monitoring (<c>AddMonitoring</c>) is part of the node.
/// </summary>
internal sealed class GetNetworkInfo(NodeServices node) : IRpcMethod
{
    /// <summary>Core's integer client version (major * 10000 + minor * 100 + patch) for 0.1.0.</summary>
    internal const int ClientVersion = 100;

    public string Name => "getnetworkinfo";

    public IReadOnlyList<RpcParameter> Parameters => [];

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        var network = node.NetworkOrNull;
        var peers = network?.Peers ?? [];
        int inbound = peers.Count(p => p.IsInbound);
        var p2p = node.Get<IOptions<PeerToPeerOptions>>()?.Value ?? new PeerToPeerOptions();
        var mempool = node.PoolOrNull?.Options ?? new MempoolOptions();
        result.WriteStartObject();
        result.WriteNumber("version", ClientVersion);
        result.WriteString("subversion", p2p.UserAgent);
        result.WriteNumber("protocolversion", ProtocolVersion.Current);
        result.WriteServices("localservices", "localservicesnames", network is null ? ServiceFlags.None : ServiceFlags.NodeNetwork | ServiceFlags.NodeWitness);
        result.WriteBoolean("localrelay", true);
        result.WriteNumber("timeoffset", 0);
        result.WriteBoolean("networkactive", network is not null);
        result.WriteNumber("connections", peers.Count);
        result.WriteNumber("connections_in", inbound);
        result.WriteNumber("connections_out", peers.Count - inbound);
        result.WriteStartArray("networks");
        foreach (string name in (string[])["ipv4", "ipv6"])
        {
            result.WriteStartObject();
            result.WriteString("name", name);
            result.WriteBoolean("limited", network is null);
            result.WriteBoolean("reachable", network is not null);
            result.WriteString("proxy", "");
            result.WriteBoolean("proxy_randomize_credentials", false);
            result.WriteEndObject();
        }
        result.WriteEndArray();
        result.WriteAmount("relayfee", new Money(mempool.MinRelayFeeRate.AtomsPerKilovirtualByte));
        result.WriteAmount("incrementalfee", new Money(mempool.IncrementalRelayFeeRate.AtomsPerKilovirtualByte));
        result.WriteStartArray("localaddresses");
        if (network?.LocalEndPoint is { } local)
        {
            result.WriteStartObject();
            result.WriteString("address", local.Address.ToString());
            result.WriteNumber("port", local.Port);
            result.WriteNumber("score", 1);
            result.WriteEndObject();
        }
        result.WriteEndArray();
        result.WriteStartArray("warnings");
        result.WriteEndArray();
        // Antimony's addition: the monitoring health score (0-100: running, connections, error-free, responsive, 25 each).
        if (node.Get<HealthScore>() is { } health)
            result.WriteNumber("healthscore", health.Evaluate().Score);
        result.WriteEndObject();
        return ValueTask.CompletedTask;
    }
}
