using System.Net;
using System.Text.Json;
using Antimony.Node.Tests.Support;
using Antimony.Tests.Monitoring;

namespace Antimony.Node.Tests;

/// <summary>/metrics, /status and /health of real nodes, checked against their JSON-RPC view of the chain.</summary>
[Collection(DevnetPairCollection.Name)]
public sealed class MonitoringEndpointTests(DevnetPair pair)
{
    [Fact]
    public async Task Metrics_parse_as_prometheus_text_and_cover_the_chain_the_network_and_the_miner()
    {
        int before = (await pair.B.Rpc.CallAsync("getblockcount")).GetInt32();
        using var response = await pair.B.Http.GetAsync("/metrics");
        int after = (await pair.B.Rpc.CallAsync("getblockcount")).GetInt32();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());

        var families = PrometheusTextParser.Parse(await response.Content.ReadAsStringAsync());

        double height = families["antimony_consensus_height"].Samples.Single().Value;
        Assert.InRange(height, before, after);
        Assert.Contains(families["antimony_p2p_messages_total"].Samples, s => s.Labels.GetValueOrDefault("command") == "headers" || s.Labels.GetValueOrDefault("command") == "block");
        Assert.Contains(families["antimony_p2p_bytes_total"].Samples, s => s.Value > 0);
        Assert.True(families["antimony_p2p_peers"].Samples.Sum(s => s.Value) >= 1);
        Assert.True(families["antimony_consensus_blocks_connected_total"].Samples.Single().Value >= 1);
        Assert.Equal("histogram", families["antimony_consensus_block_processing_duration_milliseconds"].Type);
        Assert.True(families.ContainsKey("antimony_mempool_transactions") && families.ContainsKey("antimony_mempool_bytes"));
        Assert.True(families.ContainsKey("antimony_consensus_reorg_depth") && families.ContainsKey("antimony_consensus_rejects_total"));
        Assert.InRange(families["antimony_node_health_score"].Samples.Single().Value, 0, 100);
        Assert.True(families["process_resident_memory_bytes"].Samples.Single().Value > 0);

        var miner = PrometheusTextParser.Parse(await pair.A.Http.GetStringAsync("/metrics"));
        Assert.True(miner["antimony_miner_hashes_total"].Samples.Single().Value > 0);
        Assert.True(miner.ContainsKey("antimony_miner_hash_rate"));
    }

    [Fact]
    public async Task Status_reports_the_chain_peers_recent_blocks_health_and_process_as_in_the_contract()
    {
        // recentBlocks lists blocks connected since this process started (B may just have restarted): wait for one.
        JsonDocument status = null!;
        await NodeProcess.WaitUntilAsync(async () =>
        {
            status?.Dispose();
            status = JsonDocument.Parse(await pair.B.Http.GetStringAsync("/status"));
            return status.RootElement.GetProperty("recentBlocks").GetArrayLength() > 0;
        }, TimeSpan.FromSeconds(60), "B to connect a block");
        using var document = status;
        var root = status.RootElement;

        Assert.Equal("devnet", root.GetProperty("network").GetString());
        int height = root.GetProperty("height").GetInt32();
        string best = root.GetProperty("bestBlockHash").GetString()!;
        Assert.Equal(best, (await pair.B.Rpc.CallAsync("getblockhash", height)).GetString());
        Assert.Equal(pair.B.P2PEndPoint, root.GetProperty("listen").GetString());
        Assert.Equal($"{pair.B.RpcAddress.Host}:{pair.B.RpcAddress.Port}", root.GetProperty("rpc").GetString());
        // B dialled A (its bootstrap, or after a restart its address book); A may also have dialled B after
        // learning its address by gossip. An outbound peer's address is the endpoint dialled.
        var peers = root.GetProperty("peers").EnumerateArray().ToList();
        Assert.NotEmpty(peers);
        Assert.All(peers.Where(p => !p.GetProperty("inbound").GetBoolean()), p => Assert.Equal(pair.A.P2PEndPoint, p.GetProperty("address").GetString()));
        Assert.All(peers, p => Assert.Equal("/Antimony:0.1.0/", p.GetProperty("userAgent").GetString()));
        Assert.Equal(peers.Count(p => !p.GetProperty("inbound").GetBoolean()), root.GetProperty("connections").GetProperty("outbound").GetInt32());
        Assert.True(root.GetProperty("handshakes").GetProperty("succeeded").GetInt64() >= 1);
        Assert.False(root.GetProperty("mining").GetProperty("enabled").GetBoolean());
        var health = root.GetProperty("health");
        Assert.Equal(health.GetProperty("score").GetInt32(),
            health.GetProperty("running").GetInt32() + health.GetProperty("connections").GetInt32() + health.GetProperty("errorFree").GetInt32() + health.GetProperty("responsive").GetInt32());
        Assert.Equal(25, health.GetProperty("running").GetInt32());
        var blocks = root.GetProperty("recentBlocks").EnumerateArray().ToList();
        Assert.NotEmpty(blocks);
        Assert.InRange(blocks.Count, 1, 20);
        foreach (var block in blocks)
        {
            Assert.Equal(block.GetProperty("hash").GetString(), (await pair.B.Rpc.CallAsync("getblockhash", block.GetProperty("height").GetInt32())).GetString());
            Assert.Equal(block.GetProperty("receivedUnixMs").GetInt64() - block.GetProperty("headerTime").GetInt64() * 1000, block.GetProperty("delayMs").GetDouble());
        }
        Assert.True(blocks.Zip(blocks.Skip(1)).All(p => p.First.GetProperty("height").GetInt32() > p.Second.GetProperty("height").GetInt32()), "newest first");
        var process = root.GetProperty("process");
        Assert.Equal(pair.B.Pid, process.GetProperty("pid").GetInt32());
        Assert.True(process.GetProperty("workingSetBytes").GetInt64() > 0);
    }

    [Fact]
    public async Task Health_lists_the_four_checks_and_a_following_node_with_a_peer_is_not_unhealthy()
    {
        using var response = await pair.B.Http.GetAsync("/health");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = body.RootElement.GetProperty("checks");

        Assert.Equal(["errors", "peers", "responsive", "synced"], checks.EnumerateObject().Select(c => c.Name).Order());
        Assert.Equal("Healthy", checks.GetProperty("peers").GetProperty("status").GetString());
        Assert.NotEqual("Unhealthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
