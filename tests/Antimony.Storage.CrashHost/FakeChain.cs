using System.Buffers.Binary;
using System.Collections.Immutable;
using Antimony.Consensus.Coins;
using Antimony.Consensus.Storage;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;

namespace Antimony.Storage.CrashHost;

/// <summary>
/// Deterministic fake blocks (no proof of work, no signatures) that create and spend coins, and the chain
/// state batches connecting and disconnecting them. A block depends only on its parent, height, variant
/// and the coin set before it, so a restarted host regenerates exactly the blocks it lost.
/// </summary>
public static class FakeChain
{
    /// <summary>The variant of the blocks that stay in the chain; other variants are decoys that get disconnected.</summary>
    public const uint MainVariant = 0;

    /// <summary>Builds the block at <paramref name="height"/> on <paramref name="parent"/>, spending coins of <paramref name="coins"/>.</summary>
    public static Block CreateBlock(BlockHash parent, int height, IReadOnlyDictionary<OutPoint, Coin> coins, uint variant)
    {
        var random = new Random((height * 7919) + (int)variant);
        var transactions = ImmutableArray.CreateBuilder<Transaction>();
        var coinbaseTag = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(coinbaseTag, height);
        BinaryPrimitives.WriteUInt32LittleEndian(coinbaseTag.AsSpan(4), variant);
        transactions.Add(new TransactionBuilder()
            .AddInput(OutPoint.Null)
            .SetScriptSig(0, new Script(coinbaseTag))
            .AddOutput(Money.FromCoins(25), RandomScript(random))
            .AddOutput(Money.FromCoins(25), RandomScript(random))
            .Build());
        var spendable = coins.Keys.Order(OutPointOrder.Instance).ToList();
        int spends = Math.Min(random.Next(0, 5), spendable.Count / 2);
        for (int t = 0; t < spends; t++)
        {
            var builder = new TransactionBuilder();
            long total = 0;
            int inputs = Math.Min(random.Next(1, 3), spendable.Count);
            for (int i = 0; i < inputs; i++)
            {
                int pick = random.Next(spendable.Count);
                var outPoint = spendable[pick];
                spendable.RemoveAt(pick);
                builder.AddInput(outPoint);
                total += coins[outPoint].Output.Value.Atoms;
            }
            int outputs = random.Next(1, 4);
            for (int o = 0; o < outputs; o++)
            {
                long share = o == outputs - 1 ? total - (total / outputs * (outputs - 1)) : total / outputs;
                builder.AddOutput(new Money(share), RandomScript(random));
            }
            transactions.Add(builder.Build());
        }
        var txs = transactions.ToImmutable();
        var leaves = txs.Select(tx => tx.Txid.Value).ToArray();
        var header = new BlockHeader(1, parent, MerkleTree.ComputeRoot(leaves), 1_700_000_000u + ((uint)height * 12), default, variant);
        return new Block(header, txs);
    }

    /// <summary>The batch connecting <paramref name="block"/> at <paramref name="height"/> on top of <paramref name="coins"/>.</summary>
    public static ChainStateBatch Connect(Block block, int height, IReadOnlyDictionary<OutPoint, Coin> coins)
    {
        var added = new Dictionary<OutPoint, Coin>();
        var removed = new List<OutPoint>();
        var spent = ImmutableArray.CreateBuilder<Coin>();
        foreach (var tx in block.Transactions)
        {
            if (!tx.IsCoinbase)
            {
                foreach (var input in tx.Inputs)
                {
                    if (!coins.TryGetValue(input.PreviousOutput, out var coin))
                        throw new InvalidOperationException($"Block {block.Hash} spends the missing coin {input.PreviousOutput}");
                    removed.Add(input.PreviousOutput);
                    spent.Add(coin);
                }
            }
            for (int i = 0; i < tx.Outputs.Length; i++)
                added[new OutPoint(tx.Txid, (uint)i)] = new Coin(tx.Outputs[i], height, tx.IsCoinbase);
        }
        return new ChainStateBatch
        {
            PreviousTip = height == 0 ? null : new ChainTip(block.Header.PreviousBlock, height - 1),
            NewTip = new ChainTip(block.Hash, height),
            AddedCoins = added,
            RemovedCoins = removed,
            UndoToWrite = (block.Hash, new BlockUndo(spent.ToImmutable())),
        };
    }

    /// <summary>The batch disconnecting <paramref name="block"/> (at <paramref name="height"/> &gt; 0) with its undo data.</summary>
    public static ChainStateBatch Disconnect(Block block, int height, BlockUndo undo)
    {
        var added = new Dictionary<OutPoint, Coin>();
        var removed = new List<OutPoint>();
        int next = 0;
        foreach (var tx in block.Transactions)
        {
            for (int i = 0; i < tx.Outputs.Length; i++)
                removed.Add(new OutPoint(tx.Txid, (uint)i));
            if (tx.IsCoinbase)
                continue;
            foreach (var input in tx.Inputs)
                added[input.PreviousOutput] = undo.SpentCoins[next++];
        }
        if (next != undo.SpentCoins.Length)
            throw new InvalidOperationException($"The undo data of block {block.Hash} has {undo.SpentCoins.Length} coins for {next} inputs");
        return new ChainStateBatch
        {
            PreviousTip = new ChainTip(block.Hash, height),
            NewTip = new ChainTip(block.Header.PreviousBlock, height - 1),
            AddedCoins = added,
            RemovedCoins = removed,
            UndoToRemove = block.Hash,
        };
    }

    /// <summary>Applies <paramref name="batch"/> to a model coin set.</summary>
    public static void Apply(Dictionary<OutPoint, Coin> coins, ChainStateBatch batch)
    {
        foreach (var outPoint in batch.RemovedCoins)
            coins.Remove(outPoint);
        foreach (var (outPoint, coin) in batch.AddedCoins)
            coins[outPoint] = coin;
    }

    /// <summary>
    /// Rebuilds from scratch the coin set and undo data of the chain ending at <paramref name="tip"/>, from the
    /// blocks in <paramref name="blocks"/> (walking back through parent ids, then connecting from genesis).
    /// </summary>
    public static (Dictionary<OutPoint, Coin> Coins, Dictionary<BlockHash, BlockUndo> Undo) Rebuild(IBlockStore blocks, ChainTip tip)
    {
        var chain = new Block[tip.Height + 1];
        var hash = tip.Hash;
        for (int height = tip.Height; height >= 0; height--)
        {
            if (!blocks.TryGetBlock(hash, out var block))
                throw new InvalidOperationException($"Block {hash} at height {height} is not in the block store");
            chain[height] = block;
            hash = block.Header.PreviousBlock;
        }
        var coins = new Dictionary<OutPoint, Coin>();
        var undo = new Dictionary<BlockHash, BlockUndo>();
        for (int height = 0; height < chain.Length; height++)
        {
            var batch = Connect(chain[height], height, coins);
            Apply(coins, batch);
            undo[chain[height].Hash] = batch.UndoToWrite!.Value.Undo;
        }
        return (coins, undo);
    }

    // A mix of the stored script forms: P2WPKH and P2TR templates, and other scripts of random length.
    private static Script RandomScript(Random random)
    {
        switch (random.Next(3))
        {
            case 0:
                var p2wpkh = new byte[22];
                p2wpkh[1] = 0x14;
                random.NextBytes(p2wpkh.AsSpan(2));
                return new Script(p2wpkh);
            case 1:
                var p2tr = new byte[34];
                p2tr[0] = 0x51;
                p2tr[1] = 0x20;
                random.NextBytes(p2tr.AsSpan(2));
                return new Script(p2tr);
            default:
                var other = new byte[random.Next(0, 41)];
                random.NextBytes(other);
                return new Script(other);
        }
    }
}
