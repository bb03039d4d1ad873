using Antimony.Tests;
using System.Globalization;
using Antimony.Consensus.Storage;
using Antimony.Storage.CrashHost;
using Xunit.Abstractions;

namespace Antimony.Storage.RocksDb.Tests.Crash;

/// <summary>
/// Acceptance test of crash safety: a child process commits fake blocks to a RocksDB store as fast as it
/// can and is killed with SIGKILL at random moments; after every kill the store must open at a consistent
/// tip whose coin set and undo data equal a rebuild from scratch of the stored blocks up to that tip, and
/// the restarted host must come back at that same tip.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    private static readonly string HostPath = Path.Combine(AppContext.BaseDirectory, "Antimony.Storage.CrashHost.dll");

    [Fact]
    public Task The_store_survives_five_kills_at_random_moments() => KillRepeatedly(kills: 5, seed: 20261125);

    [Fact]
    [Trait("Category", "Soak")]
    public Task The_store_survives_sixty_kills_at_random_moments() => KillRepeatedly(kills: 60, seed: 7);

    private async Task KillRepeatedly(int kills, int seed)
    {
        using var directory = new TempDirectory();
        var random = new Random(seed);
        int verifiedHeight = -1;
        var recovered = new List<int>();
        for (int kill = 0; kill < kills; kill++)
        {
            // Each run flushes at a different pace and with a different cache budget, so kills land in
            // budget-driven and block-count-driven flushes alike.
            string maxUnflushed = random.Next(1, 9).ToString(CultureInfo.InvariantCulture);
            string cacheBytes = (random.Next(2, 256) * 1024).ToString(CultureInfo.InvariantCulture);
            using (var host = ChildProcess.Start(HostPath, directory.Path, "100000000", maxUnflushed, cacheBytes))
            {
                string? opened = await host.ReadLineAsync(TimeSpan.FromSeconds(60));
                Assert.True(opened is not null, $"The host did not start (pid {host.Id}): {host.StandardError}");
                Assert.Equal($"OPEN {verifiedHeight}", opened);
                await Task.Delay(random.Next(150, 1500));
                host.Kill();
            }
            verifiedHeight = VerifyAgainstRebuild(directory.Path);
            recovered.Add(verifiedHeight);
        }
        output.WriteLine($"Survived {kills} kills; tips recovered at heights {string.Join(", ", recovered)}");
        Assert.True(verifiedHeight > 0, "The host never got a block flushed between kills");
    }

    // Opens the store the way a restarting node would and checks it against the blocks it holds.
    private static int VerifyAgainstRebuild(string directory)
    {
        using var store = RocksDbStore.Open(new RocksDbStoreOptions { DataDirectory = directory, VerifyChecksumsOnOpen = true });
        var coins = store.ChainState.CopyCoins();
        if (store.RecoveredTip is not { } tip)
        {
            Assert.Empty(coins);
            return -1;
        }
        var (expectedCoins, expectedUndo) = FakeChain.Rebuild(store.Blocks, tip);
        Assert.Equal(expectedCoins.Count, coins.Count);
        foreach (var (outPoint, coin) in expectedCoins)
        {
            Assert.True(coins.TryGetValue(outPoint, out var stored), $"Coin {outPoint} is missing at tip {tip}");
            Assert.Equal(coin, stored);
        }
        foreach (var (block, undo) in expectedUndo)
        {
            Assert.True(store.ChainState.TryGetUndo(block, out var stored), $"Undo data of {block} is missing at tip {tip}");
            Assert.Equal(undo, stored);
        }
        Assert.Equal(tip, store.ChainState.GetTip());
        return tip.Height;
    }
}
