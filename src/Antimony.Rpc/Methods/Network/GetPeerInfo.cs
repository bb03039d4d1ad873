using System.Net.Sockets;
using System.Text.Json;
using Antimony.P2P.Messages;
using Antimony.Primitives.Amounts;
using Antimony.Rpc.Json;

namespace Antimony.Rpc.Methods.Network;

/// <summary>
/// <c>getpeerinfo</c>: one object per connected peer in Core's shape. Fields the P2P layer does not track
/// (per-message byte counts, last send/receive times, BIP152 state) are written with Core's neutral values.
/// </summary>
internal sealed class GetPeerInfo(NodeServices node) : IRpcMethod
{
    public string Name => "getpeerinfo";

    public IReadOnlyList<RpcParameter> Parameters => [];

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        var network = node.Network;
        result.WriteStartArray();
        foreach (var peer in network.Peers.OrderBy(p => p.Id))
        {
            var version = peer.Version;
            var connection = peer.Connection;
            result.WriteStartObject();
            result.WriteNumber("id", peer.Id);
            result.WriteString("addr", peer.RemoteEndPoint.ToString());
            if (connection.LocalEndPoint is { } local)
                result.WriteString("addrbind", local.ToString());
            result.WriteString("network", peer.RemoteEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? "ipv6" : "ipv4");
            result.WriteServices("services", "servicesnames", version?.Services ?? ServiceFlags.None);
            result.WriteBoolean("relaytxes", version?.Relay ?? false);
            result.WriteNumber("lastsend", 0);
            result.WriteNumber("lastrecv", 0);
            result.WriteNumber("last_transaction", 0);
            result.WriteNumber("last_block", 0);
            result.WriteNumber("bytessent", connection.BytesSent);
            result.WriteNumber("bytesrecv", connection.BytesReceived);
            result.WriteNumber("conntime", peer.ConnectedAt.ToUnixTimeSeconds());
            result.WriteNumber("timeoffset", 0);
            if (peer.Latency is { } latency)
            {
                result.WriteNumber("pingtime", latency.TotalSeconds);
                result.WriteNumber("minping", latency.TotalSeconds);
            }
            result.WriteNumber("version", version?.Version ?? 0);
            result.WriteString("subver", version?.UserAgent ?? "");
            result.WriteBoolean("inbound", peer.IsInbound);
            result.WriteBoolean("bip152_hb_to", false);
            result.WriteBoolean("bip152_hb_from", false);
            result.WriteNumber("startingheight", version?.StartHeight ?? -1);
            result.WriteNumber("presynced_headers", -1);
            result.WriteNumber("synced_headers", peer.BestKnown?.Height ?? -1);
            result.WriteNumber("synced_blocks", peer.BestKnown?.Height ?? -1);
            result.WriteStartArray("inflight");
            result.WriteEndArray();
            result.WriteBoolean("addr_relay_enabled", true);
            result.WriteNumber("addr_processed", 0);
            result.WriteNumber("addr_rate_limited", 0);
            result.WriteStartArray("permissions");
            result.WriteEndArray();
            result.WriteAmount("minfeefilter", new Money(peer.FeeFilter));
            result.WriteStartObject("bytessent_per_msg");
            result.WriteEndObject();
            result.WriteStartObject("bytesrecv_per_msg");
            result.WriteEndObject();
            result.WriteString("connection_type", peer.IsInbound ? "inbound" : "outbound-full-relay");
            result.WriteString("transport_protocol_type", "v1");
            result.WriteString("session_id", "");
            result.WriteEndObject();
        }
        result.WriteEndArray();
        return ValueTask.CompletedTask;
    }
}
