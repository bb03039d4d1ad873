// Compiled once the benchmark project references Antimony.Storage.RocksDb and defines ANTIMONY_ROCKSDB (see the storage branch report).
using System.Buffers.Binary;
using Antimony.Consensus.Coins;
using Antimony.Consensus.Storage;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;

namespace Antimony.Benchmarks.Storage;

/// <summary>Deterministic coins and batches for the storage benchmarks.</summary>
internal static class StorageBenchmarkData
{
    /// <summary>A P2WPKH coin, the common case.</summary>
    public static Coin Coin(int i)
    {
        var script = new byte[22];
        script[1] = 0x14;
        BinaryPrimitives.WriteInt32LittleEndian(script.AsSpan(2), i);
        return new Coin(new TxOut(new Money(100_000 + i), new Script(script)), 1000 + (i % 100), IsCoinbase: false);
    }

    /// <summary>A txid derived from <paramref name="counter"/>.</summary>
    public static Txid Txid(long counter)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, counter);
        return new Txid(Sha256d.Hash(bytes));
    }

    /// <summary>A block id derived from <paramref name="counter"/>.</summary>
    public static BlockHash Block(long counter) => new(Txid(-counter - 1).Value);

    /// <summary>
    /// The batch moving <paramref name="tip"/> one block up: spends the <paramref name="spent"/> outpoints and
    /// adds <paramref name="count"/> coins under a fresh txid, whose outpoints it returns for the next batch.
    /// </summary>
    public static ChainStateBatch Next(ChainTip? tip, IReadOnlyList<OutPoint> spent, int count, out List<OutPoint> added)
    {
        int height = (tip?.Height ?? -1) + 1;
        var txid = Txid(height);
        var coins = new Dictionary<OutPoint, Coin>(count);
        added = new List<OutPoint>(count);
        for (int i = 0; i < count; i++)
        {
            var outPoint = new OutPoint(txid, (uint)i);
            coins[outPoint] = Coin(i);
            added.Add(outPoint);
        }
        var undo = new BlockUndo([.. spent.Select((_, i) => Coin(i))]);
        var newTip = new ChainTip(Block(height), height);
        return new ChainStateBatch
        {
            PreviousTip = tip,
            NewTip = newTip,
            AddedCoins = coins,
            RemovedCoins = [.. spent],
            UndoToWrite = (newTip.Hash, undo),
            // Keeps the undo data bounded over thousands of invocations (as pruning would).
            UndoToRemove = height >= 2 ? Block(height - 2) : null,
        };
    }
}
