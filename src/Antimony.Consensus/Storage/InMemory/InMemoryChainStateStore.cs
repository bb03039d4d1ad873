using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Antimony.Consensus.Coins;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Serialization;
using Antimony.Primitives.Transactions;
using Microsoft.Extensions.Options;

namespace Antimony.Consensus.Storage.InMemory;

/// <summary>
/// An <see cref="IChainStateStore"/> in process memory; a lock makes each batch atomic to readers. With
/// <see cref="TransactionIndexOptions.Enabled"/> it also keeps the <see cref="ITransactionIndex"/>, updated in
/// the same batch (it starts empty, so the index follows the chain from genesis and is always synced).
/// </summary>
public sealed class InMemoryChainStateStore : IChainStateStore, ITransactionIndex
{
    private readonly Lock _lock = new();
    private readonly Dictionary<OutPoint, Coin> _coins = [];
    private readonly Dictionary<BlockHash, BlockUndo> _undo = [];
    private readonly Dictionary<Txid, TransactionLocation> _transactions = [];
    private readonly IBlockStore? _indexedBlocks;
    private ChainTip? _tip;

    /// <summary>A store without a transaction index.</summary>
    public InMemoryChainStateStore()
    {
    }

    /// <summary>A store that keeps a transaction index when <paramref name="index"/> enables it, reading connected blocks from <paramref name="blocks"/>.</summary>
    public InMemoryChainStateStore(IBlockStore blocks, IOptions<TransactionIndexOptions> index)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(index);
        _indexedBlocks = index.Value.Enabled ? blocks : null;
    }

    /// <inheritdoc/>
    public TransactionIndexStatus Status
    {
        get
        {
            lock (_lock)
                return new TransactionIndexStatus(_indexedBlocks is not null, _indexedBlocks is null ? -1 : _tip?.Height ?? -1);
        }
    }

    /// <inheritdoc/>
    public bool TryGetLocation(Txid txid, out TransactionLocation location)
    {
        lock (_lock)
            return _transactions.TryGetValue(txid, out location);
    }

    /// <summary>The number of unspent coins.</summary>
    public int CoinCount
    {
        get
        {
            lock (_lock)
                return _coins.Count;
        }
    }

    /// <inheritdoc />
    public ChainTip? GetTip()
    {
        lock (_lock)
            return _tip;
    }

    /// <inheritdoc />
    public bool TryGetCoin(in OutPoint outPoint, [MaybeNullWhen(false)] out Coin coin)
    {
        lock (_lock)
            return _coins.TryGetValue(outPoint, out coin);
    }

    /// <inheritdoc />
    public bool TryGetUndo(BlockHash block, [MaybeNullWhen(false)] out BlockUndo undo)
    {
        lock (_lock)
            return _undo.TryGetValue(block, out undo);
    }

    /// <inheritdoc />
    public void Commit(ChainStateBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_lock)
        {
            if (_tip != batch.PreviousTip)
                throw new InvalidOperationException($"The batch was computed against tip {batch.PreviousTip}, but the store is at {_tip}.");
            foreach (var outPoint in batch.RemovedCoins)
                _coins.Remove(outPoint);
            foreach (var (outPoint, coin) in batch.AddedCoins)
                _coins[outPoint] = coin;
            if (batch.UndoToWrite is { } undo)
            {
                _undo[undo.Block] = undo.Undo;
                Index(undo.Block, connected: true);
            }
            if (batch.UndoToRemove is { } removed)
            {
                _undo.Remove(removed);
                Index(removed, connected: false);
            }
            _tip = batch.NewTip;
        }
    }

    // Undo data is written exactly when a block is connected and removed when it is disconnected.
    private void Index(BlockHash hash, bool connected)
    {
        if (_indexedBlocks is null || !_indexedBlocks.TryGetBlock(hash, out var block))
            return;
        for (int i = 0; i < block.Transactions.Length; i++)
        {
            var txid = block.Transactions[i].Txid;
            if (connected)
                _transactions[txid] = new TransactionLocation(hash, i);
            else if (_transactions.TryGetValue(txid, out var location) && location.Block == hash)
                _transactions.Remove(txid);
        }
    }

    /// <summary>Every unspent coin, copied (for tests and tools).</summary>
    public IReadOnlyDictionary<OutPoint, Coin> CopyCoins()
    {
        lock (_lock)
            return new Dictionary<OutPoint, Coin>(_coins);
    }

    /// <summary>
    /// A canonical byte image of the whole state (tip, coins sorted by outpoint, undo sorted by block), so
    /// tests can assert that a rejected block left the state byte for byte as it was.
    /// </summary>
    internal byte[] Snapshot()
    {
        lock (_lock)
        {
            var output = new ArrayBufferWriter<byte>();
            var tip = _tip;
            Write(output, tip is null ? [] : [.. Hash256Bytes(tip.Value.Hash), .. BitConverter.GetBytes(tip.Value.Height)]);
            foreach (var (outPoint, coin) in _coins.OrderBy(c => c.Key.ToString(), StringComparer.Ordinal))
            {
                Write(output, ConsensusEncoding.ToBytes(outPoint));
                Write(output, ConsensusEncoding.ToBytes(coin));
            }
            foreach (var (block, undo) in _undo.OrderBy(u => u.Key.ToString(), StringComparer.Ordinal))
            {
                Write(output, Hash256Bytes(block));
                Write(output, ConsensusEncoding.ToBytes(undo));
            }
            return output.WrittenSpan.ToArray();
        }
    }

    private static byte[] Hash256Bytes(BlockHash hash) => hash.Value.ToArray();

    private static void Write(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> bytes) => output.Write(bytes);
}
