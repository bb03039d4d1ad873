using Antimony.Consensus.Coins;
using Antimony.Consensus.Storage;
using Antimony.Primitives.Transactions;
using Antimony.Storage.RocksDb.Tests.Contract;

namespace Antimony.Storage.RocksDb.Tests.Store;

/// <summary>
/// A crash in the middle of writing the log leaves a torn tail. Cutting the write-ahead log at any byte
/// must bring the store back at one of the tips it flushed, with exactly that tip's coins.
/// </summary>
public sealed class TornLogTests
{
    [Property(MaxTest = 20)]
    public Property A_log_cut_at_any_byte_recovers_a_flushed_tip_with_its_coins() =>
        Prop.ForAll(Gen.Choose(0, 1000).ToArbitrary(), permille =>
        {
            using var directory = new TempDirectory();
            var model = new ChainModel();
            var flushed = new Dictionary<ChainTip, Dictionary<OutPoint, Coin>>();
            var store = RocksDbStore.Open(new RocksDbStoreOptions { DataDirectory = directory.Path, MaxUnflushedBlocks = 1, SyncWrites = false });
            for (int i = 0; i < 12; i++)
            {
                store.ChainState.Commit(i % 4 == 3 ? model.Disconnect()! : model.Connect(i, 6, 3));
                flushed[model.Tip!.Value] = new(model.Coins);
            }
            store.CloseWithoutFlush();

            var log = new DirectoryInfo(directory.Path).GetFiles("*.log").OrderByDescending(f => f.Length).First();
            long cut = log.Length * permille / 1000;
            using (var stream = log.Open(FileMode.Open))
                stream.SetLength(cut);

            using var reopened = RocksDbStore.Open(new RocksDbStoreOptions { DataDirectory = directory.Path });
            var coins = reopened.ChainState.CopyCoins();
            if (reopened.RecoveredTip is not { } tip)
                return (coins.Count == 0).Label($"cut {cut} of {log.Length} bytes, no tip");
            return (flushed.TryGetValue(tip, out var expected)
                && expected.Count == coins.Count
                && expected.All(c => coins.TryGetValue(c.Key, out var stored) && stored == c.Value))
                .Label($"cut {cut} of {log.Length} bytes, tip {tip}");
        });
}
