using System.Text.Json;
using Antimony.Devnet.Checks;
using Antimony.Devnet.Dashboard;
using Antimony.Devnet.Observation;
using Antimony.Devnet.Rpc;
using Antimony.Devnet.State;
using Antimony.Devnet.Topology;
using static Antimony.Devnet.Rpc.StatusDocument;

namespace Antimony.Devnet.Tests;

public sealed class SnapshotTests
{
    private static readonly DevnetState State = new("regtest", TopologyKind.Tiered, 0, [
        new NodeRecord(0, 100, 20000, 21000, "/d/node0", "/d/node0/node.log", "us-east", [], false),
        new NodeRecord(1, 101, 20001, 21001, "/d/node1", "/d/node1/node.log", "us-west", [0], false),
        new NodeRecord(2, 102, 20002, 21002, "/d/node2", "/d/node2/node.log", "eu-west", [0], false),
    ]);

    private static NetworkSnapshot Snapshot(bool node2Answers = true)
    {
        StatusDocument Status(int height, IReadOnlyList<PeerEntry> peers, IReadOnlyList<BlockArrival> blocks, IReadOnlyList<NodeEvent>? events = null) => new()
        {
            Height = height,
            BestBlockHash = new string('a', 64),
            Peers = peers,
            Handshakes = new HandshakeCounts(2, 0),
            RecentBlocks = blocks,
            RecentEvents = events ?? [],
        };
        var b7 = new string('7', 64);
        return NetworkSnapshot.Of(State, [
            new NodeObservation(State.Nodes[0], true, Status(7, [new PeerEntry("127.0.0.1:51000", true, null, 1, 0, ""), new PeerEntry("127.0.0.1:20002", false, 0.3, 1, 0, "")],
                [new BlockArrival(7, b7, 0, 1_000, 0)]), null, 1),
            new NodeObservation(State.Nodes[1], true, Status(7, [new PeerEntry("127.0.0.1:20000", false, 0.2, 1, 0, ""), new PeerEntry("127.0.0.1:29999", false, 0.2, 1, 0, "")],
                [new BlockArrival(7, b7, 0, 1_040, 0)], [new NodeEvent(5, "Error", "disk full")]), null, 1),
            node2Answers
                ? new NodeObservation(State.Nodes[2], true, Status(7, [], [new BlockArrival(7, b7, 0, 1_100, 0)]), null, 1)
                : new NodeObservation(State.Nodes[2], false, null, "connection refused", 1),
        ], 2_000);
    }

    [Fact]
    public void Edges_come_from_outbound_peers_that_are_devnet_nodes()
    {
        var edges = Snapshot().ObservedEdges;
        Assert.Equal([(0, 2), (1, 0)], edges.Order());
        Assert.Equal(20002, NetworkSnapshot.PortOf("127.0.0.1:20002"));
        Assert.Null(NetworkSnapshot.PortOf("nonsense"));
    }

    [Fact]
    public void Health_counts_dead_silent_and_erring_nodes()
    {
        var healthy = Snapshot().Health;
        Assert.Equal(25, healthy.Running);
        Assert.Equal(25 * 2 / 3.0, healthy.ErrorFree, 6);
        var broken = Snapshot(node2Answers: false).Health;
        Assert.Equal(25 * 2 / 3.0, broken.Running, 6);
        Assert.Equal(25 * 2 / 3.0, broken.Responsive, 6);
        Assert.True(broken.Total < healthy.Total);
    }

    [Fact]
    public void The_status_table_names_every_node_the_edges_and_the_events()
    {
        string report = StatusReport.Render(Snapshot(node2Answers: false));
        Assert.Contains("node0", report, StringComparison.Ordinal);
        Assert.Contains("node2  eu-west      102     NOT RUNNING: connection refused", report, StringComparison.Ordinal);
        Assert.Contains("2/2 planned edges up", report, StringComparison.Ordinal);
        Assert.Contains("disk full", report, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dashboard_document_measures_delays_from_the_first_node_to_see_a_block()
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(DashboardData.From(Snapshot()), new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        var block = json.RootElement.GetProperty("blocks")[0];
        Assert.Equal(7, block.GetProperty("height").GetInt32());
        Assert.Equal(3, block.GetProperty("nodes").GetInt32());
        Assert.Equal(100, block.GetProperty("maxMs").GetDouble());
        Assert.Equal(40, block.GetProperty("p50Ms").GetDouble());
        Assert.Equal(3, json.RootElement.GetProperty("nodes").GetArrayLength());
        Assert.Equal(2, json.RootElement.GetProperty("plannedEdges").GetArrayLength());
        Assert.Contains("id=\"topology\"", DashboardServer.Page, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", DashboardServer.Page, StringComparison.Ordinal);
    }

    [Fact]
    public void Work_follows_the_compact_target()
    {
        Assert.Equal(2, MinersCheck.WorkOf("207fffff"), 6);
        Assert.Equal(4295032833, MinersCheck.WorkOf("1d00ffff"), 0);
    }
}
