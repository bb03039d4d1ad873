using Antimony.Devnet.Nodes;
using Antimony.Devnet.State;
using Antimony.Devnet.Topology;

namespace Antimony.Devnet.Tests;

public sealed class StateFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("atmn-devnet-state-").FullName;

    [Fact]
    public void The_state_round_trips_and_is_private_to_its_owner()
    {
        var state = new DevnetState("regtest", TopologyKind.Tiered, 1764000000123, [
            new NodeRecord(0, 4242, 20000, 21000, "/tmp/n0", "/tmp/n0/node.log", "us-east", [], true),
            new NodeRecord(1, 4243, 20001, 21001, "/tmp/n1", "/tmp/n1/node.log", "us-west", [0], false),
        ]);
        StateFile.Save(_directory, state);
        Assert.True(StateFile.TryLoad(_directory, out var loaded));
        Assert.Equal(state.Network, loaded.Network);
        Assert.Equal(state.Topology, loaded.Topology);
        Assert.Equal(state.StartedUnixMs, loaded.StartedUnixMs);
        Assert.Equal(2, loaded.Nodes.Count);
        Assert.Equal(state.Nodes[1] with { Bootstraps = [] }, loaded.Nodes[1] with { Bootstraps = [] });
        Assert.Equal([0], loaded.Nodes[1].Bootstraps);
        Assert.Equal([(1, 0)], loaded.PlannedEdges);
        Assert.Equal(1, loaded.NodeByPort(20001)!.Index);
        Assert.Contains("\"topology\": \"tiered\"", File.ReadAllText(StateFile.PathIn(_directory)), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(StateFile.PathIn(_directory)));
        StateFile.Delete(_directory);
        Assert.False(StateFile.TryLoad(_directory, out _));
    }

    [Fact]
    public void A_foreign_file_is_reported_as_invalid_data()
    {
        File.WriteAllText(StateFile.PathIn(_directory), "{ not json");
        Assert.Throws<InvalidDataException>(() => StateFile.TryLoad(_directory, out _));
    }

    [Fact]
    public void The_node_command_line_follows_the_contract()
    {
        var args = NodeCommandLine.For("devnet", "/d/node4", 20004, 21004, "eu-west", [20001], mine: true, maxOutbound: null);
        Assert.Equal(["--network", "devnet", "--datadir", "/d/node4", "--port", "20004", "--rpc-port", "21004", "--region", "eu-west",
            "--bootstrap", "127.0.0.1:20001", "--mine", "true", "--threads", "1"], args);
    }

    [Fact]
    public void Miners_are_spread_over_the_indices()
    {
        var options = new LaunchOptions("/d", 10, 20000, 21000, TopologyKind.Tiered, 3, "devnet", TimeSpan.Zero, TimeSpan.Zero, "atmn-node.dll");
        Assert.Equal([0, 3, 6], Enumerable.Range(0, 10).Where(options.IsMiner));
        Assert.DoesNotContain(Enumerable.Range(0, 10), (options with { Miners = 0 }).IsMiner);
    }

    [Fact]
    public void A_process_that_does_not_exist_is_not_alive()
    {
        Assert.True(ProcessTable.IsAlive(Environment.ProcessId));
        Assert.False(ProcessTable.IsAlive(0));
        Assert.False(ProcessTable.IsAlive(int.MaxValue));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
