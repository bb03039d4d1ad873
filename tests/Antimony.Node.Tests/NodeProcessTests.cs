using System.Text.Json;
using Antimony.Node.Tests.Support;
using Antimony.Tests;

namespace Antimony.Node.Tests;

/// <summary>atmn-node's configuration: flags, environment variables, and clear start-up errors.</summary>
public sealed class NodeProcessTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("atmn-node-test-").FullName;

    [Theory]
    [InlineData(new[] { "--network", "nonesuch" }, "use mainnet, testnet, regtest or devnet")]
    [InlineData(new[] { "--mine", "--threads", "0" }, "Mining Threads must be between 1 and")]
    [InlineData(new[] { "--mine", "--miner-address", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4" }, "is not a valid devnet address")]
    [InlineData(new[] { "--bootstrap", "nowhere" }, "is not host:port with an IP address")]
    [InlineData(new[] { "--rpc-bind", "localhost-ish" }, "Bind")]
    public async Task A_bad_setting_stops_the_node_with_exit_code_1_and_a_message_naming_the_fix(string[] arguments, string message)
    {
        using var node = ChildProcess.Start(NodeProcess.Assembly, [.. arguments, "--datadir", _dataDirectory, "--port", "0", "--rpc-port", "0"]);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!Exited(node) && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.True(Exited(node), "the node kept running with a bad setting");
        // The error stream is read asynchronously: give its last line a moment to arrive.
        for (int i = 0; i < 50 && !node.StandardError.Contains(message, StringComparison.Ordinal); i++)
            await Task.Delay(100);
        Assert.Equal(1, node.ExitCode);
        Assert.Contains(message, node.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", node.StandardError, StringComparison.Ordinal); // no stack trace
    }

    [Fact]
    public async Task Environment_variables_configure_sections_and_rpc_stop_ends_the_node_cleanly_removing_the_cookie()
    {
        // Inherited by the child; no other test reads this variable.
        Environment.SetEnvironmentVariable("ANTIMONY_MONITORING__REGION", "eu-west-test");
        NodeProcess node;
        try
        {
            node = await NodeProcess.StartAsync(_dataDirectory);
        }
        finally
        {
            Environment.SetEnvironmentVariable("ANTIMONY_MONITORING__REGION", null);
        }
        using (node)
        {
            Assert.Equal("127.0.0.1", node.RpcAddress.Host);
            using var status = JsonDocument.Parse(await node.Http.GetStringAsync("/status"));
            Assert.Equal("eu-west-test", status.RootElement.GetProperty("region").GetString());
            Assert.True(File.Exists(Path.Combine(_dataDirectory, ".cookie")));

            Assert.Contains("stopping", (await node.Rpc.CallAsync("stop")).GetString(), StringComparison.OrdinalIgnoreCase);
            await NodeProcess.WaitUntilAsync(() => Task.FromResult(node.HasExited), TimeSpan.FromSeconds(60), "the node to exit after stop");
            Assert.Equal(0, node.Process.ExitCode);
        }
        Assert.False(File.Exists(Path.Combine(_dataDirectory, ".cookie")), "the cookie outlived the node");
    }

    private static bool Exited(ChildProcess process)
    {
        try
        {
            _ = process.ExitCode;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);
}
