using Antimony.Consensus.Chain;
using Antimony.Consensus.Coins;
using Antimony.Consensus.Storage;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Transactions;
using Antimony.Storage.CrashHost;

namespace Antimony.Storage.RocksDb.Tests.Contract;

/// <summary>
/// The behaviour every <see cref="IBlockStore"/> and <see cref="IChainStateStore"/> pair must show; each
/// concrete subclass runs it against one implementation.
/// </summary>
public abstract class StoreContractTests
{
    /// <summary>Creates an empty store pair.</summary>
    protected abstract IStoreUnderTest CreateStore();

    [Fact]
    public void A_new_store_has_no_tip_coins_or_undo()
    {
        using var store = CreateStore();
        Assert.Null(store.ChainState.GetTip());
        Assert.Empty(store.CopyCoins());
        Assert.False(store.ChainState.TryGetUndo(TestCoins.Block(1), out _));
        Assert.False(store.ChainState.TryGetCoin(new OutPoint(TestCoins.Txid(1), 0), out _));
    }

    [Fact]
    public void Connect_then_disconnect_restores_coins_tip_and_removes_undo()
    {
        var model = new ChainModel();
        var store = CreateStore();
        try
        {
            store.ChainState.Commit(model.Connect(seed: 1, added: 5, spent: 0));
            var before = new Dictionary<OutPoint, Coin>(model.Coins);
            var tipBefore = model.Tip;
            var connect = model.Connect(seed: 2, added: 3, spent: 2);
            store.ChainState.Commit(connect);
            Assert.True(store.ChainState.TryGetUndo(connect.NewTip.Hash, out var undo));
            Assert.Equal(2, undo.SpentCoins.Length);
            store.ChainState.Commit(model.Disconnect()!);
            store = store.Reopen();
            Assert.Equal(tipBefore, store.ChainState.GetTip());
            AssertCoins(before, store);
            Assert.False(store.ChainState.TryGetUndo(connect.NewTip.Hash, out _));
        }
        finally
        {
            store.Dispose();
        }
    }

    [Property(MaxTest = 40)]
    public Property Random_histories_leave_the_store_equal_to_the_model() =>
        Prop.ForAll(StoreOperation.Histories(), history =>
        {
            var model = new ChainModel();
            var store = CreateStore();
            try
            {
                store.ChainState.Commit(model.Connect(seed: 0, added: 4, spent: 0));
                foreach (var operation in history)
                    store = Run(store, model, operation);
                bool before = Matches(store, model);
                store = store.Reopen();
                return (before && Matches(store, model)).Label(string.Join(", ", history.Select(o => o.ToString())));
            }
            finally
            {
                store.Dispose();
            }
        });

    [Property(MaxTest = 25)]
    public Property A_batch_against_the_wrong_tip_is_rejected_and_changes_nothing() =>
        Prop.ForAll(StoreOperation.Histories(), history =>
        {
            var model = new ChainModel();
            var store = CreateStore();
            try
            {
                store.ChainState.Commit(model.Connect(seed: 0, added: 4, spent: 0));
                foreach (var operation in history)
                    store = Run(store, model, operation);
                var wrong = new ChainModel("other");
                wrong.Connect(seed: 9, added: 0, spent: 0);
                var stale = wrong.Connect(seed: 10, added: 2, spent: 0);
                Assert.Throws<InvalidOperationException>(() => store.ChainState.Commit(stale));
                bool unchanged = Matches(store, model);
                store = store.Reopen();
                return unchanged && Matches(store, model);
            }
            finally
            {
                store.Dispose();
            }
        });

    [Fact]
    public void A_first_batch_must_start_from_no_tip()
    {
        using var store = CreateStore();
        var model = new ChainModel();
        model.Connect(seed: 1, added: 1, spent: 0);
        var second = model.Connect(seed: 2, added: 1, spent: 0);
        Assert.Throws<InvalidOperationException>(() => store.ChainState.Commit(second));
        Assert.Null(store.ChainState.GetTip());
        Assert.Empty(store.CopyCoins());
    }

    [Fact]
    public async Task Readers_see_untouched_coins_while_batches_commit()
    {
        using var store = CreateStore();
        var model = new ChainModel();
        var first = model.Connect(seed: 1, added: 8, spent: 0);
        store.ChainState.Commit(first);
        // Coins of the first block that later batches never spend: readers must find them throughout.
        var stable = first.AddedCoins.Take(4).ToList();
        foreach (var (outPoint, _) in stable)
            model.Coins.Remove(outPoint);
        using var stop = new CancellationTokenSource();
        int misses = 0;
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var (outPoint, coin) in stable)
                {
                    if (!store.ChainState.TryGetCoin(outPoint, out var read) || read != coin)
                        Interlocked.Increment(ref misses);
                }
            }
        })).ToArray();
        for (int i = 0; i < 200; i++)
        {
            var batch = i % 3 == 2 && model.CanDisconnect ? model.Disconnect()! : model.Connect(seed: 100 + i, added: 5, spent: 3);
            store.ChainState.Commit(batch);
        }
        stop.Cancel();
        await Task.WhenAll(readers);
        Assert.Equal(0, misses);
    }

    [Fact]
    public void Blocks_round_trip_and_put_is_idempotent()
    {
        var store = CreateStore();
        try
        {
            var genesis = FakeChain.CreateBlock(default, 0, new Dictionary<OutPoint, Coin>(), FakeChain.MainVariant);
            Assert.False(store.Blocks.ContainsBlock(genesis.Hash));
            store.Blocks.PutBlock(genesis);
            store.Blocks.PutBlock(genesis);
            store = store.Reopen();
            Assert.True(store.Blocks.ContainsBlock(genesis.Hash));
            Assert.True(store.Blocks.TryGetBlock(genesis.Hash, out var read));
            Assert.Equal(genesis.ToBytes(), read.ToBytes());
            Assert.False(store.Blocks.TryGetBlock(TestCoins.Block(5), out _));
        }
        finally
        {
            store.Dispose();
        }
    }

    [Fact]
    public void Index_records_are_inserted_and_replaced()
    {
        var store = CreateStore();
        try
        {
            var coins = new Dictionary<OutPoint, Coin>();
            var genesis = FakeChain.CreateBlock(default, 0, coins, FakeChain.MainVariant);
            var child = FakeChain.CreateBlock(genesis.Hash, 1, coins, FakeChain.MainVariant);
            store.Blocks.PutIndex([
                new BlockIndexRecord(genesis.Header, 0, BlockStatus.HasData, null, 0),
                new BlockIndexRecord(child.Header, 1, BlockStatus.None, null, 300),
            ]);
            var invalid = new BlockIndexRecord(child.Header, 1, BlockStatus.HasData | BlockStatus.Invalid,
                new Consensus.Validation.RejectReason("bad-txns-inputs-missingorspent", Consensus.Validation.RejectCategory.Invalid), 300);
            store.Blocks.PutIndex([invalid]);
            store = store.Reopen();
            var records = store.Blocks.ReadIndex().OrderBy(r => r.Height).ToList();
            Assert.Equal(2, records.Count);
            Assert.Equal(new BlockIndexRecord(genesis.Header, 0, BlockStatus.HasData, null, 0), records[0]);
            Assert.Equal(invalid, records[1]);
        }
        finally
        {
            store.Dispose();
        }
    }

    [Fact]
    public void A_rebuild_of_a_fake_chain_matches_the_committed_state()
    {
        var store = CreateStore();
        try
        {
            var coins = new Dictionary<OutPoint, Coin>();
            ChainTip? tip = null;
            for (int height = 0; height < 40; height++)
            {
                var block = FakeChain.CreateBlock(tip?.Hash ?? default, height, coins, FakeChain.MainVariant);
                store.Blocks.PutBlock(block);
                var batch = FakeChain.Connect(block, height, coins);
                store.ChainState.Commit(batch);
                FakeChain.Apply(coins, batch);
                tip = batch.NewTip;
            }
            store = store.Reopen();
            var (rebuilt, undo) = FakeChain.Rebuild(store.Blocks, tip!.Value);
            AssertCoins(rebuilt, store);
            foreach (var (block, expected) in undo)
            {
                Assert.True(store.ChainState.TryGetUndo(block, out var stored));
                Assert.Equal(expected, stored);
            }
        }
        finally
        {
            store.Dispose();
        }
    }

    private static IStoreUnderTest Run(IStoreUnderTest store, ChainModel model, StoreOperation operation)
    {
        switch (operation)
        {
            case StoreOperation.Connect connect:
                store.ChainState.Commit(model.Connect(connect.Seed, connect.Added, connect.Spent));
                return store;
            case StoreOperation.Disconnect when model.CanDisconnect:
                store.ChainState.Commit(model.Disconnect()!);
                return store;
            case StoreOperation.Reopen:
                return store.Reopen();
            default:
                return store;
        }
    }

    private static bool Matches(IStoreUnderTest store, ChainModel model)
    {
        if (store.ChainState.GetTip() != model.Tip)
            return false;
        var coins = store.CopyCoins();
        if (coins.Count != model.Coins.Count)
            return false;
        foreach (var (outPoint, coin) in model.Coins)
        {
            if (!coins.TryGetValue(outPoint, out var stored) || stored != coin)
                return false;
            if (!store.ChainState.TryGetCoin(outPoint, out var read) || read != coin)
                return false;
        }
        foreach (var (block, undo) in model.Undo)
        {
            if (!store.ChainState.TryGetUndo(block, out var stored) || !stored.Equals(undo))
                return false;
        }
        return true;
    }

    private static void AssertCoins(IReadOnlyDictionary<OutPoint, Coin> expected, IStoreUnderTest store)
    {
        var actual = store.CopyCoins();
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (outPoint, coin) in expected)
        {
            Assert.True(store.ChainState.TryGetCoin(outPoint, out var read), $"missing {outPoint}");
            Assert.Equal(coin, read);
            Assert.Equal(coin, actual[outPoint]);
        }
    }

}
