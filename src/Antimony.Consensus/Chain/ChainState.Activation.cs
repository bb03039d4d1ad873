using Antimony.Consensus.Events;
using Antimony.Consensus.Storage;

namespace Antimony.Consensus.Chain;

// Loading and moving the active chain: the part of ChainState that writes the chain-state store.
public sealed partial class ChainState
{
    private (ChainEntry Genesis, ChainEntry Tip) Load()
    {
        var genesisBlock = Parameters.CreateGenesisBlock();
        var stateTip = _state.GetTip();
        var records = _blocks.ReadIndex();
        if (stateTip is null)
        {
            if (records.Count > 0)
                throw new InvalidOperationException("The block store has headers but the chain-state store is empty; use matching stores.");
            var genesis = _tree.Add(genesisBlock.Header, null);
            _blocks.PutBlock(genesisBlock);
            _tree.MarkHasData(genesis);
            Persist([genesis]);
            // Like Bitcoin's, the genesis coinbase is not added to the UTXO set.
            _state.Commit(new ChainStateBatch
            {
                PreviousTip = null,
                NewTip = new ChainTip(genesis.Hash, 0),
                AddedCoins = new Dictionary<Primitives.Transactions.OutPoint, Coins.Coin>(),
                RemovedCoins = [],
            });
            return (genesis, genesis);
        }

        foreach (var record in records.OrderBy(r => r.Height).ThenBy(r => r.Sequence))
        {
            ChainEntry? previous = null;
            if (record.Height == 0)
            {
                if (record.Header.Hash != genesisBlock.Hash)
                    throw new InvalidOperationException($"The stores hold genesis {record.Header.Hash}, not {Parameters.Name}'s {genesisBlock.Hash}.");
            }
            else if (!_tree.TryGet(record.Header.PreviousBlock, out previous))
            {
                throw new InvalidOperationException($"Stored header {record.Header.Hash} has no stored parent.");
            }
            var entry = _tree.Add(record.Header, previous, record.Sequence);
            entry.Status = record.Status & BlockStatus.AnyInvalid;
            entry.InvalidReason = record.InvalidReason;
            if ((record.Status & BlockStatus.HasData) != 0)
                _tree.MarkHasData(entry);
        }
        if (!_tree.TryGet(genesisBlock.Hash, out var storedGenesis) || !_tree.TryGet(stateTip.Value.Hash, out var tip))
            throw new InvalidOperationException("The chain-state tip or genesis is missing from the block index.");
        return (storedGenesis, tip);
    }

    private void ActivateBestChain(CancellationToken cancellationToken)
    {
        var oldTip = _tip;
        int disconnected = 0;
        try
        {
            Activate(cancellationToken, ref disconnected);
        }
        finally
        {
            if (_tip != oldTip)
            {
                _events.Enqueue(new TipChangedEventArgs(oldTip, _tip, disconnected));
                if (disconnected > 0)
                    _metrics.Reorganized(disconnected);
                Log.TipChanged(_logger, _tip.Hash.ToString(), _tip.Height, disconnected);
            }
        }
    }

    private void Activate(CancellationToken cancellationToken, ref int disconnected)
    {
        while (_tree.BestCandidate is { } best && best.ChainWork > _tip.ChainWork)
        {
            var fork = FindFork(_tip, best);
            while (_tip != fork)
            {
                DisconnectTip();
                disconnected++;
            }
            var path = new Stack<ChainEntry>();
            for (var walk = best; walk != fork; walk = walk.Previous!)
                path.Push(walk);
            while (path.TryPop(out var next))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!ConnectTip(next, cancellationToken))
                    break; // marked invalid: choose again, possibly the chain just left
            }
        }
    }

    private static ChainEntry FindFork(ChainEntry a, ChainEntry b)
    {
        if (a.Height > b.Height)
            a = a.GetAncestor(b.Height)!;
        else if (b.Height > a.Height)
            b = b.GetAncestor(a.Height)!;
        while (a != b)
        {
            a = a.Previous!;
            b = b.Previous!;
        }
        return a;
    }

    private bool ConnectTip(ChainEntry entry, CancellationToken cancellationToken)
    {
        if (!_blocks.TryGetBlock(entry.Hash, out var block))
            throw new InvalidOperationException($"Block {entry} is marked stored but the block store lacks it.");
        var result = _connector.Connect(block, entry, _state, cancellationToken, out var batch);
        if (!result.IsValid)
        {
            Persist(_tree.MarkInvalid(entry, result.Reason.Value));
            if (!ReferenceEquals(entry, _submitted))
                _metrics.Rejected(result.Code!); // the submitted block's rejection is counted once, by ProcessBlockAsync
            Log.ConnectFailed(_logger, entry.Hash.ToString(), entry.Height, result);
            return false;
        }
        _state.Commit(batch!);
        Volatile.Write(ref _tip, entry);
        _events.Enqueue(new BlockConnectedEventArgs(block, entry));
        _metrics.BlockConnected(block.Transactions.Length);
        Log.Connected(_logger, entry.Hash.ToString(), entry.Height);
        return true;
    }

    private void DisconnectTip()
    {
        var entry = _tip;
        if (!_blocks.TryGetBlock(entry.Hash, out var block))
            throw new InvalidOperationException($"Block {entry} is on the active chain but the block store lacks it.");
        _state.Commit(_connector.Disconnect(block, entry, _state));
        Volatile.Write(ref _tip, entry.Previous!);
        _events.Enqueue(new BlockDisconnectedEventArgs(block, entry));
        Log.Disconnected(_logger, entry.Hash.ToString(), entry.Height);
    }
}
