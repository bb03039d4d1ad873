using Antimony.Consensus.Coins;
using Antimony.Consensus.Storage;
using Antimony.Consensus.Storage.InMemory;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Tests.Coins;

public sealed class CoinCacheTests
{
    private static OutPoint Point(byte n) => new(new Txid(Sha256d.Hash([n])), 0);

    private static Coin CoinAt(int height) => new(new TxOut(Money.Coin, Script.FromHex("6a")), height, false);

    private static InMemoryChainStateStore StoreWith(params byte[] points)
    {
        var store = new InMemoryChainStateStore();
        store.Commit(new ChainStateBatch
        {
            PreviousTip = null,
            NewTip = new ChainTip(BlockHash.Zero, 0),
            AddedCoins = points.ToDictionary(Point, _ => CoinAt(1)),
            RemovedCoins = [],
        });
        return store;
    }

    [Fact]
    public void A_coin_created_and_spent_in_the_layer_leaves_no_trace_in_the_batch()
    {
        var cache = new CoinCache(StoreWith(1));
        cache.Add(Point(2), CoinAt(2));
        Assert.True(cache.Spend(Point(2), out _));
        Assert.True(cache.Spend(Point(1), out _));
        Assert.Empty(cache.GetAdded());
        Assert.Equal([Point(1)], cache.GetRemoved());
    }

    [Fact]
    public void The_layer_hides_spent_base_coins_and_refuses_to_overwrite_unspent_ones()
    {
        var store = StoreWith(1);
        var cache = new CoinCache(store);
        Assert.True(cache.Spend(Point(1), out var coin));
        Assert.False(cache.TryGetCoin(Point(1), out _));
        Assert.True(store.TryGetCoin(Point(1), out _));
        Assert.False(cache.Spend(Point(1), out _));
        cache.Add(Point(1), coin);
        Assert.Throws<InvalidOperationException>(() => cache.Add(Point(1), coin));
        Assert.Empty(cache.GetRemoved());
    }

    [Fact]
    public void A_batch_computed_against_another_tip_is_refused_and_changes_nothing()
    {
        var store = StoreWith(1);
        var before = store.Snapshot();
        Assert.Throws<InvalidOperationException>(() => store.Commit(new ChainStateBatch
        {
            PreviousTip = new ChainTip(new BlockHash(Sha256d.Hash([5])), 3),
            NewTip = new ChainTip(new BlockHash(Sha256d.Hash([6])), 4),
            AddedCoins = new Dictionary<OutPoint, Coin> { [Point(9)] = CoinAt(4) },
            RemovedCoins = [Point(1)],
        }));
        Assert.Equal(before, store.Snapshot());
    }
}
