using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Antimony.Consensus.Chain;
using Antimony.Consensus.Mempool;
using Antimony.Mining.Service;
using Antimony.P2P.Connections;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Antimony.Rpc.Monitoring.Status;

/// <summary>
/// Writes <c>/status</c>: one camelCase JSON document with the node's chain, peers, mempool, mining, health,
/// recent blocks and events and process footprint, for dashboards and atmn-devnet (shape in CONTRACTS.md §2).
/// Parts the node was composed without (P2P, mempool, miner) are written empty rather than missing.
/// </summary>
public sealed class NodeStatusWriter
{
    private static readonly string Version = typeof(ChainState).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private readonly IServiceProvider _services;
    private readonly ChainState _chain;
    private readonly SyncState _sync;
    private readonly HealthScore _health;
    private readonly RecentLogRecorder _log;
    private readonly BlockArrivalLog _blocks;
    private readonly TimeProvider _time;
    private readonly MonitoringOptions _options;
    private readonly DateTimeOffset _processStart;

    /// <summary>Creates the writer; optional parts are looked up in <paramref name="services"/>.</summary>
    public NodeStatusWriter(IServiceProvider services, ChainState chain, SyncState sync, HealthScore health,
        RecentLogRecorder log, BlockArrivalLog blocks, TimeProvider time, IOptions<MonitoringOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _services = services;
        _chain = chain;
        _sync = sync;
        _health = health;
        _log = log;
        _blocks = blocks;
        _time = time;
        _options = options.Value;
        using var process = Process.GetCurrentProcess();
        _processStart = new DateTimeOffset(process.StartTime.ToUniversalTime());
    }

    /// <summary>Writes the document.</summary>
    public void Write(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var network = _services.GetService<PeerNetwork>();
        var tip = _chain.Tip;
        json.WriteStartObject();
        json.WriteString("network", _chain.Parameters.Name);
        json.WriteString("region", _options.Region);
        json.WriteString("version", Version);
        json.WriteNumber("uptimeSeconds", Math.Round((_time.GetUtcNow() - _processStart).TotalSeconds, 1));
        json.WriteNumber("height", tip.Height);
        json.WriteString("bestBlockHash", tip.Hash.ToString());
        json.WriteNumber("headers", _sync.BestHeaderHeight);
        json.WriteBoolean("initialBlockDownload", _sync.InitialBlockDownload);
        json.WriteString("listen", network?.LocalEndPoint?.ToString());
        json.WriteString("rpc", RpcEndPoint());
        WritePeers(json, network);
        json.WriteStartObject("handshakes");
        json.WriteNumber("succeeded", network?.HandshakesSucceeded ?? 0);
        json.WriteNumber("failed", network?.HandshakesFailed ?? 0);
        json.WriteEndObject();
        var pool = _services.GetService<TransactionPool>();
        json.WriteStartObject("mempool");
        json.WriteNumber("size", pool?.Count ?? 0);
        json.WriteNumber("bytes", pool?.Bytes ?? 0);
        json.WriteEndObject();
        var miner = _services.GetService<MinerService>();
        json.WriteStartObject("mining");
        json.WriteBoolean("enabled", miner?.State == MinerState.Running);
        json.WriteNumber("hashRate", Math.Round(miner?.HashRate ?? 0, 1));
        json.WriteNumber("blocksFound", miner?.BlocksFound ?? 0);
        json.WriteEndObject();
        var score = _health.Evaluate();
        json.WriteStartObject("health");
        json.WriteNumber("score", score.Score);
        json.WriteNumber("running", score.Running);
        json.WriteNumber("connections", score.Connections);
        json.WriteNumber("errorFree", score.ErrorFree);
        json.WriteNumber("responsive", score.Responsive);
        json.WriteEndObject();
        WriteRecent(json);
        using var process = Process.GetCurrentProcess();
        json.WriteStartObject("process");
        json.WriteNumber("pid", Environment.ProcessId);
        json.WriteNumber("workingSetBytes", Environment.WorkingSet);
        json.WriteNumber("cpuSeconds", Math.Round(process.TotalProcessorTime.TotalSeconds, 3));
        // Beyond the contract: what of the working set is the managed heap, for footprint work.
        var gc = GC.GetGCMemoryInfo();
        json.WriteNumber("gcHeapBytes", GC.GetTotalMemory(forceFullCollection: false));
        json.WriteNumber("gcCommittedBytes", gc.TotalCommittedBytes);
        json.WriteNumber("threads", process.Threads.Count);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WritePeers(Utf8JsonWriter json, PeerNetwork? network)
    {
        var peers = network?.Peers ?? [];
        json.WriteStartArray("peers");
        foreach (var peer in peers)
        {
            json.WriteStartObject();
            json.WriteString("address", peer.RemoteEndPoint.ToString());
            json.WriteBoolean("inbound", peer.IsInbound);
            if (peer.Latency is { } latency)
                json.WriteNumber("pingMs", Math.Round(latency.TotalMilliseconds, 3));
            else
                json.WriteNull("pingMs");
            json.WriteNumber("connectedSeconds", Math.Round((_time.GetUtcNow() - peer.ConnectedAt).TotalSeconds, 1));
            json.WriteNumber("startHeight", peer.Version?.StartHeight ?? 0);
            json.WriteString("userAgent", peer.Version?.UserAgent ?? "");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        int inbound = peers.Count(p => p.IsInbound);
        json.WriteStartObject("connections");
        json.WriteNumber("inbound", inbound);
        json.WriteNumber("outbound", peers.Count - inbound);
        json.WriteEndObject();
    }

    private void WriteRecent(Utf8JsonWriter json)
    {
        json.WriteStartArray("recentBlocks");
        foreach (var block in _blocks.Recent)
        {
            json.WriteStartObject();
            json.WriteNumber("height", block.Height);
            json.WriteString("hash", block.Hash);
            json.WriteNumber("headerTime", block.HeaderTime);
            json.WriteNumber("receivedUnixMs", block.ReceivedUnixMs);
            json.WriteNumber("delayMs", block.DelayMs);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("recentEvents");
        foreach (var entry in _log.Events)
        {
            json.WriteStartObject();
            json.WriteNumber("unixMs", entry.UnixMs);
            json.WriteString("level", entry.Level.ToString());
            json.WriteString("message", entry.Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    // "127.0.0.1:21000" from the server's first bound address, once Kestrel has started.
    private string? RpcEndPoint()
    {
        var addresses = _services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault();
        return first is not null && Uri.TryCreate(first, UriKind.Absolute, out var uri) ? $"{uri.Host}:{uri.Port}" : first;
    }
}
