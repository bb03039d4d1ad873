using Antimony.Consensus.Chain;
using Antimony.Consensus.Events;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Transactions;
using Antimony.Wallet.Accounts;

namespace Antimony.Wallet.Hosting;

public sealed partial class NodeWallet
{
    private void Subscribe()
    {
        _events.BlockConnected += OnBlockConnected;
        _events.BlockDisconnected += OnBlockDisconnected;
        _events.TransactionAdded += OnTransactionAdded;
        _events.TransactionRemoved += OnTransactionRemoved;
        _events.TipChanged += OnTipChanged;
    }

    private void Unsubscribe()
    {
        _events.BlockConnected -= OnBlockConnected;
        _events.BlockDisconnected -= OnBlockDisconnected;
        _events.TransactionAdded -= OnTransactionAdded;
        _events.TransactionRemoved -= OnTransactionRemoved;
        _events.TipChanged -= OnTipChanged;
    }

    private void OnBlockConnected(object? sender, BlockConnectedEventArgs e)
    {
        lock (_gate)
        {
            if (!_opened)
                return;
            // The next block on our tip is applied directly; anything else (a block we already scanned while
            // catching up, or a gap) is settled against the chain state itself.
            if (_tipHash is { } tip && e.Entry.Previous?.Hash == tip)
                ApplyBlock(e.Block, e.Entry);
            else
                Synchronize();
            Save();
        }
    }

    private void OnBlockDisconnected(object? sender, BlockDisconnectedEventArgs e)
    {
        lock (_gate)
        {
            if (!_opened)
                return;
            if (_tipHash == e.Entry.Hash)
            {
                UndoBlock(e.Entry.Hash);
                _tipHash = e.Entry.Previous?.Hash;
                _tipHeight = e.Entry.Height - 1;
            }
            else
            {
                Synchronize();
            }
            Save();
        }
    }

    private void OnTransactionAdded(object? sender, TransactionAddedEventArgs e)
    {
        lock (_gate)
        {
            if (!_opened || !IsRelevant(e.Transaction))
                return;
            var tracked = Track(e.Transaction);
            // A transaction back from a disconnected block, or re-sent, is live again.
            if (!tracked.IsConfirmed)
                tracked.Abandoned = false;
            Save();
        }
    }

    private void OnTransactionRemoved(object? sender, TransactionRemovedEventArgs e)
    {
        if (e.Reason == TransactionRemovalReason.Included)
            return;
        lock (_gate)
        {
            if (!_opened || !_transactions.TryGetValue(e.Transaction.Txid, out var tracked) || tracked.IsConfirmed || tracked.Abandoned)
                return;
            tracked.Abandoned = true;
            Log.Abandoned(_logger, tracked.Txid.ToString(), e.Reason.ToString());
            Save();
        }
    }

    private void OnTipChanged(object? sender, TipChangedEventArgs e)
    {
        bool reconcile;
        lock (_gate)
        {
            reconcile = _opened && _needsReconcile;
            _needsReconcile = false;
        }
        // Off the event thread: re-offering transactions to the mempool raises events of its own.
        if (reconcile)
            _ = Task.Run(ResubmitPendingSafely);
    }

    private void ResubmitPendingSafely()
    {
        try
        {
            ResubmitPending();
        }
#pragma warning disable CA1031 // a background retry must not become an unobserved task exception; the next reorg retries
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.ResubmitFailed(_logger, e);
        }
    }

    /// <summary>
    /// Brings the wallet to the chain state's tip: rewinds blocks that left the active chain (or everything when
    /// the stored block is unknown, e.g. a wiped block store), then scans forward on the tip's branch.
    /// </summary>
    private void Synchronize()
    {
        var tip = _chain.Tip;
        ChainEntry? ours = null;
        if (_tipHash is { } hash && !_chain.TryGetEntry(hash, out ours))
        {
            Log.Rescanning(_logger, hash.ToString());
            foreach (var tracked in _transactions.Values.Where(t => t.IsConfirmed))
                tracked.Unconfirm();
            _needsReconcile = true;
        }
        int before = _tipHeight;
        while (ours is not null && !ReferenceEquals(tip.GetAncestor(ours.Height), ours))
        {
            UndoBlock(ours.Hash);
            ours = ours.Previous;
        }
        _tipHash = ours?.Hash;
        _tipHeight = ours?.Height ?? -1;
        if (_tipHeight < before)
            Log.Rewound(_logger, before, _tipHeight);
        for (int height = _tipHeight + 1; height <= tip.Height; height++)
        {
            var entry = tip.GetAncestor(height);
            if (entry is null || !_chain.TryGetBlock(entry.Hash, out var block))
                break;
            ApplyBlock(block, entry);
        }
    }

    private void ApplyBlock(Block block, ChainEntry entry)
    {
        var time = DateTimeOffset.FromUnixTimeSeconds(block.Header.Time);
        HashSet<OutPoint>? spends = null;
        HashSet<Txid>? included = null;
        foreach (var transaction in block.Transactions)
        {
            if (IsRelevant(transaction))
            {
                Track(transaction).Confirm(entry.Height, entry.Hash, time);
                (included ??= []).Add(transaction.Txid);
            }
            if (!transaction.IsCoinbase)
            {
                foreach (var input in transaction.Inputs)
                    (spends ??= []).Add(input.PreviousOutput);
            }
        }
        // A pending wallet transaction whose input this block spent in another transaction can never confirm.
        if (spends is not null)
        {
            foreach (var tracked in _transactions.Values)
            {
                if (tracked.IsConfirmed || tracked.Abandoned || (included?.Contains(tracked.Txid) ?? false))
                    continue;
                if (tracked.Transaction.Inputs.Any(i => spends.Contains(i.PreviousOutput)))
                {
                    tracked.Abandoned = true;
                    Log.Abandoned(_logger, tracked.Txid.ToString(), "conflicts with block " + entry.Hash);
                }
            }
        }
        _tipHash = entry.Hash;
        _tipHeight = entry.Height;
    }

    private void UndoBlock(BlockHash hash)
    {
        foreach (var tracked in _transactions.Values)
        {
            if (tracked.BlockHash == hash)
            {
                tracked.Unconfirm();
                _needsReconcile = true;
            }
        }
    }

    /// <summary>Whether <paramref name="transaction"/> pays one of the watched scripts or spends a wallet output.</summary>
    private bool IsRelevant(Transaction transaction)
    {
        foreach (var output in transaction.Outputs)
        {
            if (_scripts.ContainsKey(output.ScriptPubKey))
                return true;
        }
        if (transaction.IsCoinbase)
            return false;
        foreach (var input in transaction.Inputs)
        {
            if (_owned.ContainsKey(input.PreviousOutput))
                return true;
        }
        return false;
    }

    /// <summary>The tracked record of <paramref name="transaction"/>, adding it (and its outputs to the wallet) when new.</summary>
    private TrackedTransaction Track(Transaction transaction, long? sequence = null, DateTimeOffset? firstSeen = null)
    {
        if (_transactions.TryGetValue(transaction.Txid, out var tracked))
            return tracked;
        tracked = new TrackedTransaction(transaction, sequence ?? _nextSequence, firstSeen ?? _time.GetUtcNow());
        _nextSequence = Math.Max(_nextSequence, tracked.Sequence + 1);
        _transactions.Add(tracked.Txid, tracked);
        for (int i = 0; i < transaction.Outputs.Length; i++)
        {
            var output = transaction.Outputs[i];
            if (!_scripts.TryGetValue(output.ScriptPubKey, out var key))
                continue;
            _owned[new OutPoint(tracked.Txid, (uint)i)] = (tracked, output);
            // A used address moves the gap window forward (BIP44 gap limit).
            if (key.Index >= _issued[key.Chain])
            {
                _issued[key.Chain] = key.Index + 1;
                Watch(key.Chain);
            }
        }
        return tracked;
    }

    /// <summary>Derives and watches addresses up to the issued index plus the lookahead on <paramref name="chain"/>.</summary>
    private void Watch(uint chain)
    {
        uint target = _issued[chain] + (uint)_options.AddressLookahead;
        for (uint index = _watched[chain]; index < target; index++)
            _scripts[_account!.GetKey(chain, index).ScriptPubKey.Script] = (chain, index);
        _watched[chain] = Math.Max(_watched[chain], target);
    }

    private void WatchAll()
    {
        Watch(TaprootAccount.ReceiveChain);
        Watch(TaprootAccount.ChangeChain);
    }
}
