using System.Globalization;
using Antimony.Storage.CrashHost;
using Antimony.Testing.Chains;
using Antimony.Tests;
using Xunit.Abstractions;

namespace Antimony.Storage.RocksDb.Tests.Crash;

/// <summary>
/// Acceptance test of crash safety with the real consensus layer: a child process runs the
/// <c>ChainState</c> on the RocksDB store, connecting fully validated blocks with signed spends, and is
/// killed with SIGKILL at random moments. After every kill the store must open at a consistent tip whose coin
/// set is exactly the one a from-scratch rebuild of the chain gives at that height (the chain builder's own
/// UTXO bookkeeping), and the restarted node must carry on from at least that tip.
/// </summary>
public sealed class NodeCrashSafetyTests(ITestOutputHelper output)
{
    private static readonly string HostPath = Path.Combine(AppContext.BaseDirectory, "Antimony.Storage.CrashHost.dll");

    [Fact]
    public Task A_node_survives_five_kills_while_connecting_blocks() => KillRepeatedly(kills: 5, seed: 51);

    [Fact]
    [Trait("Category", "Soak")]
    public Task A_node_survives_forty_kills_while_connecting_blocks() => KillRepeatedly(kills: 40, seed: 3);

    private async Task KillRepeatedly(int kills, int seed)
    {
        using var directory = new TempDirectory();
        using var chain = new ChainBuilder(CrashChain.Parameters, CrashChain.Seed);
        var expected = new List<BuiltBlock> { chain.Genesis };
        using var blocks = CrashChain.Blocks(chain).GetEnumerator();
        var random = new Random(seed);
        int verifiedHeight = 0;
        var recovered = new List<int>();
        for (int kill = 0; kill < kills; kill++)
        {
            string maxUnflushed = random.Next(1, 12).ToString(CultureInfo.InvariantCulture);
            using (var node = ChildProcess.Start(HostPath, "node", directory.Path, maxUnflushed))
            {
                string? opened = await node.ReadLineAsync(TimeSpan.FromSeconds(120));
                Assert.True(opened is not null && opened.StartsWith("OPEN ", StringComparison.Ordinal), $"The node did not start (pid {node.Id}): {opened} {node.StandardError}");
                int openedAt = int.Parse(opened.AsSpan(5), CultureInfo.InvariantCulture);
                Assert.True(openedAt >= verifiedHeight, $"Restarted at {openedAt}, below the verified tip {verifiedHeight}");
                // Kill while blocks connect: after the first new block, at a random moment.
                string? connected = await node.ReadLineAsync(TimeSpan.FromSeconds(120));
                Assert.True(connected is not null && connected.StartsWith("TIP ", StringComparison.Ordinal), $"No block connected after restart: {connected} {node.StandardError}");
                await Task.Delay(random.Next(0, 1500));
                node.Kill();
            }
            verifiedHeight = VerifyAgainstRebuild(directory.Path, expected, blocks);
            recovered.Add(verifiedHeight);
        }
        output.WriteLine($"Survived {kills} kills; tips recovered at heights {string.Join(", ", recovered)}");
        Assert.True(verifiedHeight > CrashChain.Parameters.CoinbaseMaturity, "The node never got past the first spends between kills");
    }

    // Opens the store as a restarting node would and compares it with the rebuilt chain at its tip.
    private static int VerifyAgainstRebuild(string directory, List<BuiltBlock> expected, IEnumerator<BuiltBlock> blocks)
    {
        using var store = RocksDbStore.Open(new RocksDbStoreOptions { DataDirectory = directory, VerifyChecksumsOnOpen = true });
        Assert.True(store.RecoveredTip is not null, "The store lost its tip");
        var tip = store.RecoveredTip.Value;
        while (expected.Count <= tip.Height && blocks.MoveNext())
            expected.Add(blocks.Current);
        var rebuilt = expected[tip.Height];
        Assert.Equal(rebuilt.Hash, tip.Hash);
        var coins = store.ChainState.CopyCoins();
        Assert.Equal(rebuilt.Coins.Count, coins.Count);
        foreach (var (outPoint, coin) in rebuilt.Coins)
        {
            Assert.True(coins.TryGetValue(outPoint, out var stored), $"Coin {outPoint} is missing at tip {tip}");
            Assert.Equal(coin, stored);
        }
        return tip.Height;
    }
}
