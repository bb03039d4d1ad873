using Antimony.Consensus.Chain;
using Antimony.Consensus.Coins;
using Antimony.Consensus.Storage;
using Antimony.Primitives.Transactions;
using Antimony.Storage.CrashHost;
using Antimony.Storage.RocksDb;

// Usage: crash-host node <directory> <max unflushed blocks>   (a real ChainState on the store; see NodeCrashRun)
//        crash-host <directory> <target height> <max unflushed blocks> <cache bytes>
// Opens the store, reports the tip it came back at, then connects deterministic fake blocks as fast as it
// can (every fifth height first connects and disconnects a decoy block, to exercise undo data) until the
// target height or until the test kills it.
if (args is ["node", _, _])
    return await NodeCrashRun.RunAsync(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: crash-host <directory> <target height> <max unflushed blocks> <cache bytes>");
    return 2;
}
int target = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
var options = new RocksDbStoreOptions
{
    DataDirectory = args[0],
    MaxUnflushedBlocks = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture),
    CacheSizeBytes = long.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture),
};
using var store = RocksDbStore.Open(options);
var chainState = store.ChainState;
var coins = new Dictionary<OutPoint, Coin>(chainState.CopyCoins());
var tip = chainState.GetTip();
Console.WriteLine($"OPEN {tip?.Height ?? -1}");

// A decoy left at the tip by a crash is disconnected first.
if (tip is { } current && store.Blocks.TryGetBlock(current.Hash, out var top) && top.Header.Nonce != FakeChain.MainVariant)
{
    if (!chainState.TryGetUndo(current.Hash, out var undo))
        throw new InvalidOperationException($"No undo data for the decoy tip {current}");
    Commit(FakeChain.Disconnect(top, current.Height, undo));
}

while ((tip?.Height ?? -1) < target)
{
    int height = (tip?.Height ?? -1) + 1;
    var parent = tip?.Hash ?? default;
    if (height > 0 && height % 5 == 0)
    {
        var decoy = FakeChain.CreateBlock(parent, height, coins, variant: 1);
        Store(decoy, height);
        Commit(FakeChain.Connect(decoy, height, coins));
        if (!chainState.TryGetUndo(decoy.Hash, out var undo))
            throw new InvalidOperationException($"No undo data for the decoy {decoy.Hash}");
        Commit(FakeChain.Disconnect(decoy, height, undo));
    }
    var block = FakeChain.CreateBlock(parent, height, coins, FakeChain.MainVariant);
    Store(block, height);
    Commit(FakeChain.Connect(block, height, coins));
}
Console.WriteLine("DONE");
return 0;

void Store(Antimony.Primitives.Blocks.Block block, int height)
{
    store.Blocks.PutBlock(block);
    store.Blocks.PutIndex([new BlockIndexRecord(block.Header, height, BlockStatus.HasData, null, height)]);
}

void Commit(ChainStateBatch batch)
{
    chainState.Commit(batch);
    FakeChain.Apply(coins, batch);
    tip = batch.NewTip;
}
