using System.Collections.Immutable;
using Antimony.Consensus.Coins;
using Antimony.Consensus.Storage;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Transactions;
using Antimony.Storage.CrashHost;

namespace Antimony.Storage.RocksDb.Tests.Contract;

/// <summary>
/// The model a store is checked against: a coin dictionary, a tip and a stack of connected blocks, which
/// turns any generated <see cref="StoreOperation"/> into a batch consistent with the state so far.
/// </summary>
internal sealed class ChainModel
{
    private readonly Stack<Connected> _connected = new();
    private readonly string _name;
    private long _counter;

    /// <summary>A model whose blocks and transactions get ids derived from <paramref name="name"/>, so two models never share ids.</summary>
    public ChainModel(string name = "main") => _name = name;

    public Dictionary<OutPoint, Coin> Coins { get; } = [];

    public ChainTip? Tip { get; private set; }

    /// <summary>The undo data of every block connected and not disconnected.</summary>
    public IEnumerable<(BlockHash Block, BlockUndo Undo)> Undo => _connected.Select(c => (c.Tip.Hash, c.Undo));

    /// <summary>The batch connecting a block that spends <paramref name="spent"/> coins and creates <paramref name="added"/>; applied to the model.</summary>
    public ChainStateBatch Connect(int seed, int added, int spent)
    {
        var random = new Random(seed);
        int height = (Tip?.Height ?? -1) + 1;
        var existing = Coins.Keys.Order(OutPointOrder.Instance).ToList();
        var removed = new List<OutPoint>();
        var spentCoins = new List<(OutPoint, Coin)>();
        for (int i = 0; i < spent && existing.Count > 0; i++)
        {
            int pick = random.Next(existing.Count);
            removed.Add(existing[pick]);
            spentCoins.Add((existing[pick], Coins[existing[pick]]));
            existing.RemoveAt(pick);
        }
        var txid = new Txid(TestCoins.Id(_name + "/tx", ++_counter));
        var addedCoins = new Dictionary<OutPoint, Coin>();
        for (int i = 0; i < added; i++)
            addedCoins[new OutPoint(txid, (uint)i)] = TestCoins.Coin(random, height);
        var tip = new ChainTip(new BlockHash(TestCoins.Id(_name + "/block", ++_counter)), height);
        var undo = new BlockUndo([.. spentCoins.Select(s => s.Item2)]);
        var batch = new ChainStateBatch
        {
            PreviousTip = Tip,
            NewTip = tip,
            AddedCoins = addedCoins,
            RemovedCoins = removed,
            UndoToWrite = (tip.Hash, undo),
        };
        _connected.Push(new Connected(Tip, tip, [.. addedCoins.Keys], [.. spentCoins], undo));
        Apply(batch);
        return batch;
    }

    /// <summary>The batch disconnecting the tip block, applied to the model; <see langword="null"/> when nothing is connected.</summary>
    public ChainStateBatch? Disconnect()
    {
        if (!_connected.TryPop(out var top))
            return null;
        var batch = new ChainStateBatch
        {
            PreviousTip = top.Tip,
            NewTip = top.Previous ?? throw new InvalidOperationException("The genesis block is never disconnected."),
            AddedCoins = top.Spent.ToDictionary(s => s.Item1, s => s.Item2),
            RemovedCoins = top.Added,
            UndoToRemove = top.Tip.Hash,
        };
        Apply(batch);
        return batch;
    }

    /// <summary>Whether <see cref="Disconnect"/> would produce a batch (never below the first block).</summary>
    public bool CanDisconnect => _connected.Count > 1;

    private void Apply(ChainStateBatch batch)
    {
        FakeChain.Apply(Coins, batch);
        Tip = batch.NewTip;
    }

    private sealed record Connected(ChainTip? Previous, ChainTip Tip, ImmutableArray<OutPoint> Added, ImmutableArray<(OutPoint, Coin)> Spent, BlockUndo Undo);
}
