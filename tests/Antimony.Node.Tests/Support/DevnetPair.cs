namespace Antimony.Node.Tests.Support;

/// <summary>
/// Two real devnet nodes shared by the end-to-end tests of one collection: A mines (one thread) and
/// authenticates RPC with a configured user and password; B bootstraps from A, mines nothing and uses
/// the cookie. Started once; both are killed and their data directories deleted at the end.
/// </summary>
public sealed class DevnetPair : IAsyncLifetime
{
    public const string User = "alice";
    public const string Password = "correct horse battery staple";

    private readonly string _root = Directory.CreateTempSubdirectory("atmn-node-e2e-").FullName;

    internal NodeProcess A { get; private set; } = null!;

    internal NodeProcess B { get; private set; } = null!;

    internal string BDirectory => Path.Combine(_root, "b");

    public async Task InitializeAsync()
    {
        A = await NodeProcess.StartAsync(Path.Combine(_root, "a"), mine: true, user: User, password: Password);
        // One coinbase to A's wallet now: A's background mining matures it (devnet maturity is 10) while tests run.
        string reward = (await A.Rpc.CallAsync("getnewaddress")).GetString()!;
        await A.Rpc.CallAsync("generatetoaddress", 1, reward);
        B = await NodeProcess.StartAsync(BDirectory, bootstrap: [A.P2PEndPoint]);
        // B is useful once it follows A: connected, and at A's height of a moment ago.
        int target = 2;
        await NodeProcess.WaitUntilAsync(async () => (await A.Rpc.CallAsync("getblockcount")).GetInt32() >= target, TimeSpan.FromSeconds(90), "A to mine 2 blocks");
        await NodeProcess.WaitUntilAsync(async () => (await B.Rpc.CallAsync("getblockcount")).GetInt32() >= target, TimeSpan.FromSeconds(60), "B to sync from A");
    }

    /// <summary>Stops B with SIGINT and starts it again on the same data directory and P2P port, without bootstrap.</summary>
    internal async Task<NodeProcess> RestartBAsync(params string[] extra)
    {
        Assert.True(B.Stop(TimeSpan.FromSeconds(60)), "B did not stop within 60 s of SIGINT");
        Assert.Equal(0, B.Process.ExitCode);
        int port = B.P2PPort;
        B.Dispose();
        B = await NodeProcess.StartAsync(BDirectory, p2pPort: port, extra: extra);
        return B;
    }

    public Task DisposeAsync()
    {
        B?.Dispose();
        A?.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        return Task.CompletedTask;
    }
}
