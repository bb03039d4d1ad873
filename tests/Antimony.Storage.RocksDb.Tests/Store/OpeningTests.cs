using System.Text;
using Antimony.Consensus.Storage;
using Antimony.Primitives.Transactions;
using Antimony.Storage.RocksDb.Records;
using Antimony.Storage.RocksDb.Tests.Contract;

namespace Antimony.Storage.RocksDb.Tests.Store;

/// <summary>Opening validates the schema and tip, reports where it came back, and names every problem it finds.</summary>
public sealed class OpeningTests
{
    [Fact]
    public void A_new_store_opens_without_a_tip_and_reopens_at_the_flushed_tip()
    {
        using var directory = new TempDirectory();
        var model = new ChainModel();
        using (var store = Open(directory))
        {
            Assert.Null(store.RecoveredTip);
            store.ChainState.Commit(model.Connect(1, 3, 0));
            store.ChainState.Commit(model.Connect(2, 3, 1));
        }
        using var reopened = Open(directory);
        Assert.Equal(model.Tip, reopened.RecoveredTip);
        Assert.Equal(model.Tip, reopened.ChainState.GetTip());
    }

    [Fact]
    public void After_a_crash_the_store_comes_back_at_the_last_flushed_tip_with_its_exact_coins()
    {
        using var directory = new TempDirectory();
        var model = new ChainModel();
        ChainTip? flushedTip;
        Dictionary<OutPoint, Antimony.Consensus.Coins.Coin> flushedCoins;
        {
            var store = Open(directory, maxUnflushedBlocks: 4);
            // The first block is flushed at once, then every fourth.
            store.ChainState.Commit(model.Connect(0, 4, 0));
            Assert.Equal(model.Tip, store.ChainState.DurableTip);
            for (int i = 1; i < 5; i++)
                store.ChainState.Commit(model.Connect(i, 4, 2));
            flushedTip = model.Tip;
            flushedCoins = new(model.Coins);
            Assert.Equal(flushedTip, store.ChainState.DurableTip);
            for (int i = 5; i < 8; i++)
                store.ChainState.Commit(model.Connect(i, 4, 2));
            Assert.Equal(flushedTip, store.ChainState.DurableTip);
            store.CloseWithoutFlush();
        }
        using var reopened = Open(directory);
        Assert.Equal(flushedTip, reopened.RecoveredTip);
        Assert.Equal(flushedCoins.OrderBy(c => c.Key.ToString()), reopened.ChainState.CopyCoins().OrderBy(c => c.Key.ToString()));
    }

    [Fact]
    public void An_unknown_schema_version_is_refused_by_name()
    {
        using var directory = new TempDirectory();
        Open(directory).Dispose();
        RawDatabase.Put(directory.Path, "meta", Encoding.ASCII.GetBytes("schema-version"), BitConverter.GetBytes(2u));
        var exception = Assert.Throws<ChainStoreException>(() => Open(directory));
        Assert.Equal(ChainStoreError.UnknownSchemaVersion, exception.Error);
        Assert.Contains("schema version 2", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_without_the_stores_column_families_is_not_an_antimony_store()
    {
        using var directory = new TempDirectory();
        using (var db = RocksDbSharp.RocksDb.Open(new RocksDbSharp.DbOptions().SetCreateIfMissing(true), directory.Path))
            db.Put([1], [2]);
        var exception = Assert.Throws<ChainStoreException>(() => Open(directory));
        Assert.Equal(ChainStoreError.NotAnAntimonyStore, exception.Error);
    }

    [Fact]
    public void Data_without_a_schema_record_is_not_an_antimony_store()
    {
        using var directory = new TempDirectory();
        Open(directory).Dispose();
        RawDatabase.Edit(directory.Path, db =>
        {
            db.Remove(Encoding.ASCII.GetBytes("schema-version"), db.GetColumnFamily("meta"));
            db.Put([1, 2, 3], [4], db.GetColumnFamily("blocks"));
        });
        Assert.Equal(ChainStoreError.NotAnAntimonyStore, Assert.Throws<ChainStoreException>(() => Open(directory)).Error);
    }

    [Fact]
    public void Coins_without_a_tip_record_are_corruption()
    {
        using var directory = new TempDirectory();
        Open(directory).Dispose();
        var coin = TestCoins.Coin(new Random(1), 5);
        RawDatabase.Put(directory.Path, "coins", StorageKeys.CoinKey(new OutPoint(TestCoins.Txid(1), 0)), CoinRecord.ToBytes(coin));
        var exception = Assert.Throws<ChainStoreException>(() => Open(directory));
        Assert.Equal(ChainStoreError.Corrupted, exception.Error);
        Assert.Contains("no tip record", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_tip_record_is_corruption()
    {
        using var directory = new TempDirectory();
        using (var store = Open(directory))
            store.ChainState.Commit(new ChainModel().Connect(1, 2, 0));
        RawDatabase.Put(directory.Path, "meta", Encoding.ASCII.GetBytes("tip"), [1, 2, 3]);
        var exception = Assert.Throws<ChainStoreException>(() => Open(directory));
        Assert.Equal(ChainStoreError.Corrupted, exception.Error);
        Assert.Contains("tip record", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_coin_record_that_does_not_decode_is_reported_never_returned()
    {
        using var directory = new TempDirectory();
        var model = new ChainModel();
        var batch = model.Connect(1, 2, 0);
        using (var store = Open(directory))
            store.ChainState.Commit(batch);
        var outPoint = batch.AddedCoins.Keys.First();
        RawDatabase.Put(directory.Path, "coins", StorageKeys.CoinKey(outPoint), [0x00, 0x01]);
        using var reopened = Open(directory);
        var exception = Assert.Throws<ChainStoreException>(() => reopened.ChainState.TryGetCoin(outPoint, out _));
        Assert.Equal(ChainStoreError.Corrupted, exception.Error);
        Assert.Contains(outPoint.ToString(), exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_truncated_or_overwritten_data_file_fails_with_corruption(bool truncate)
    {
        using var directory = new TempDirectory();
        var model = new ChainModel();
        using (var store = Open(directory))
        {
            for (int i = 0; i < 20; i++)
                store.ChainState.Commit(model.Connect(i, 50, 10));
            store.ChainState.Flush();
            store.FlushMemtables();
        }
        var file = RawDatabase.DataFiles(directory.Path)[0];
        if (truncate)
        {
            using var stream = file.Open(FileMode.Open);
            stream.SetLength(stream.Length / 2);
        }
        else
        {
            var bytes = File.ReadAllBytes(file.FullName);
            for (int i = 100; i < bytes.Length / 2; i += 7)
                bytes[i] ^= 0x5A;
            File.WriteAllBytes(file.FullName, bytes);
        }
        var exception = Assert.Throws<ChainStoreException>(() =>
        {
            using var store = RocksDbStore.Open(new RocksDbStoreOptions { DataDirectory = directory.Path, VerifyChecksumsOnOpen = true });
            store.ChainState.CopyCoins();
        });
        Assert.Equal(ChainStoreError.Corrupted, exception.Error);
    }

    [Fact]
    public void A_store_held_open_by_another_owner_cannot_be_opened_twice()
    {
        using var directory = new TempDirectory();
        using var first = Open(directory);
        var exception = Assert.Throws<ChainStoreException>(() => Open(directory));
        Assert.Equal(ChainStoreError.IOFailure, exception.Error);
    }

    [Fact]
    public void Invalid_options_are_rejected_before_anything_is_opened()
    {
        using var directory = new TempDirectory();
        Assert.Throws<ArgumentException>(() => RocksDbStore.Open(new RocksDbStoreOptions { DataDirectory = directory.Path, CacheSizeBytes = 0 }));
        Assert.Throws<ArgumentException>(() => RocksDbStore.Open(new RocksDbStoreOptions { DataDirectory = directory.Path, MaxUnflushedBlocks = 0 }));
        string file = Path.Combine(directory.Path, "a-file");
        File.WriteAllText(file, "not a directory");
        Assert.Throws<ArgumentException>(() => RocksDbStore.Open(new RocksDbStoreOptions { DataDirectory = file }));
    }

    [Fact]
    public void A_batch_with_a_coin_that_cannot_be_stored_is_rejected_and_changes_nothing()
    {
        using var directory = new TempDirectory();
        using var store = Open(directory, maxUnflushedBlocks: 1);
        var model = new ChainModel();
        store.ChainState.Commit(model.Connect(1, 3, 0));
        var before = store.ChainState.CopyCoins();
        var bad = new ChainStateBatch
        {
            PreviousTip = model.Tip,
            NewTip = new ChainTip(TestCoins.Block(99), 1),
            AddedCoins = new Dictionary<OutPoint, Antimony.Consensus.Coins.Coin>
            {
                [new OutPoint(TestCoins.Txid(99), 0)] = new(new TxOut(new Primitives.Amounts.Money(-5), default), 1, false),
            },
            RemovedCoins = [before.Keys.First()],
        };
        Assert.Throws<ArgumentOutOfRangeException>(() => store.ChainState.Commit(bad));
        Assert.Equal(model.Tip, store.ChainState.GetTip());
        Assert.Equal(before.Count, store.ChainState.CopyCoins().Count);
        Assert.True(store.ChainState.TryGetCoin(before.Keys.First(), out _));
    }

    [Fact]
    public void Calls_after_dispose_throw_instead_of_touching_the_closed_database()
    {
        using var directory = new TempDirectory();
        var store = Open(directory);
        var batch = new ChainModel().Connect(1, 2, 0);
        store.ChainState.Commit(batch);
        store.Dispose();
        store.Dispose();
        Assert.Throws<ObjectDisposedException>(() => store.ChainState.TryGetCoin(batch.AddedCoins.Keys.First(), out _));
        Assert.Throws<ObjectDisposedException>(() => store.Blocks.ContainsBlock(batch.NewTip.Hash));
        Assert.Throws<ObjectDisposedException>(() => store.ChainState.Commit(new ChainModel("b").Connect(1, 1, 0)));
    }

    private static RocksDbStore Open(TempDirectory directory, int maxUnflushedBlocks = RocksDbStoreOptions.DefaultMaxUnflushedBlocks) =>
        RocksDbStore.Open(new RocksDbStoreOptions { DataDirectory = directory.Path, MaxUnflushedBlocks = maxUnflushedBlocks, SyncWrites = false });
}
