using Antimony.Tests;

namespace Antimony.Node.Tests;

/// <summary>
/// The README's first command, for real: atmn-node mines on devnet with the embedded RocksDB store, stops
/// cleanly on Ctrl+C, and a restart resumes from what it stored.
/// </summary>
public sealed class NodeProcessTests : IDisposable
{
    private static readonly TimeSpan BlockTimeout = TimeSpan.FromMinutes(3);
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("atmn-node-test-").FullName;

    private static string NodeAssembly => Path.Combine(AppContext.BaseDirectory, "atmn-node.dll");

    [Fact]
    public async Task A_mining_devnet_node_grows_its_chain_stops_on_ctrl_c_and_resumes_after_restart()
    {
        int minedTo;
        using (var miner = ChildProcess.Start(NodeAssembly, "--network", "devnet", "--mine", "--threads", "1", "--datadir", _dataDirectory, "--port", FreePort()))
        {
            minedTo = await WaitForHeightAsync(miner, "New tip: height ", atLeast: 3);
            Assert.True(miner.Interrupt(TimeSpan.FromSeconds(60)), "the node did not stop within 60 s of SIGINT");
            Assert.Equal(0, miner.ExitCode);
        }
        Assert.True(File.Exists(Path.Combine(_dataDirectory, "miner.key")), "the node keeps the key it mines to");

        using var restarted = ChildProcess.Start(NodeAssembly, "--network", "devnet", "--datadir", _dataDirectory, "--port", FreePort());
        int loaded = await WaitForHeightAsync(restarted, "Chain loaded at height ", atLeast: 0);
        Assert.True(loaded >= minedTo, $"restarted at height {loaded}, below the {minedTo} it had mined");
        Assert.True(restarted.Interrupt(TimeSpan.FromSeconds(60)));
        Assert.Equal(0, restarted.ExitCode);
    }

    [Fact]
    public async Task A_second_node_bootstrapping_from_a_miner_syncs_its_blocks_over_tcp()
    {
        string minerPort = FreePort();
        string followerDirectory = Path.Combine(_dataDirectory, "follower");
        using var miner = ChildProcess.Start(NodeAssembly, "--network", "devnet", "--mine", "--datadir", Path.Combine(_dataDirectory, "miner"), "--port", minerPort);
        int mined = await WaitForHeightAsync(miner, "New tip: height ", atLeast: 3);

        using var follower = ChildProcess.Start(NodeAssembly, "--network", "devnet", "--datadir", followerDirectory,
            "--port", FreePort(), "--bootstrap", "127.0.0.1:" + minerPort);
        int synced = await WaitForHeightAsync(follower, "New tip: height ", atLeast: mined);
        Assert.True(synced >= mined);
        Assert.True(follower.Interrupt(TimeSpan.FromSeconds(60)));
        Assert.True(miner.Interrupt(TimeSpan.FromSeconds(60)));
        Assert.Equal(0, follower.ExitCode);
        Assert.Equal(0, miner.ExitCode);
    }

    [Fact]
    public async Task An_unknown_network_stops_the_node_with_a_message_naming_the_choices()
    {
        using var node = ChildProcess.Start(NodeAssembly, "--network", "nonesuch", "--datadir", _dataDirectory);
        for (int i = 0; i < 200 && await node.ReadLineAsync(TimeSpan.FromSeconds(30)) is not null; i++)
        {
        }
        Assert.True(node.Interrupt(TimeSpan.FromSeconds(30)));
        Assert.NotEqual(0, node.ExitCode);
        Assert.Contains("use mainnet, testnet, regtest or devnet", node.StandardError, StringComparison.Ordinal);
    }

    // A port that was free a moment ago: the node binds it right away.
    private static string FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    // Reads the node's log until a line with the marker and a height of at least atLeast appears.
    private static async Task<int> WaitForHeightAsync(ChildProcess node, string marker, int atLeast)
    {
        var deadline = DateTime.UtcNow + BlockTimeout;
        while (DateTime.UtcNow < deadline)
        {
            string? line = await node.ReadLineAsync(deadline - DateTime.UtcNow);
            if (line is null)
                break;
            int at = line.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0)
                continue;
            var digits = line.AsSpan(at + marker.Length);
            int end = digits.IndexOfAnyExceptInRange('0', '9');
            int height = int.Parse(end < 0 ? digits : digits[..end], System.Globalization.CultureInfo.InvariantCulture);
            if (height >= atLeast)
                return height;
        }
        throw new TimeoutException($"No '{marker}{atLeast}' within {BlockTimeout}; stderr: {node.StandardError}");
    }
}
