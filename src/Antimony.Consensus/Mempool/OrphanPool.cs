using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Mempool;

/// <summary>
/// Transactions waiting for a missing parent, bounded in count and bytes and by age: the oldest go first when
/// a new one needs room (deterministic, unlike Core's random choice; an attacker can flush either way, and
/// the pool is only an optimisation), and any older than <see cref="MempoolOptions.OrphanExpiry"/> go on the
/// next insertion or sweep. Not thread-safe: the pool's lock guards it.
/// </summary>
internal sealed class OrphanPool(MempoolOptions options)
{
    private readonly Dictionary<Txid, Orphan> _orphans = [];
    private readonly Dictionary<Txid, HashSet<Txid>> _byParent = [];
    private readonly Dictionary<OutPoint, Txid> _spends = [];
    private readonly SortedDictionary<long, Txid> _byAge = [];
    private long _nextOrder;

    public int Count => _orphans.Count;

    public long Bytes { get; private set; }

    public bool Contains(Txid txid) => _orphans.ContainsKey(txid);

    /// <summary>Holds <paramref name="transaction"/>, evicting expired and then oldest orphans; false if it can never fit.</summary>
    public bool TryAdd(Transaction transaction, DateTimeOffset received, DateTimeOffset now)
    {
        var txid = transaction.Txid;
        if (_orphans.ContainsKey(txid))
            return true;
        int size = transaction.TotalSize;
        if (options.MaxOrphanCount == 0 || size > options.MaxOrphanBytes)
            return false;
        Expire(now);
        while (_orphans.Count + 1 > options.MaxOrphanCount || Bytes + size > options.MaxOrphanBytes)
            Remove(_byAge.First().Value);
        long order = _nextOrder++;
        _orphans.Add(txid, new Orphan(transaction, received, order));
        _byAge.Add(order, txid);
        Bytes += size;
        foreach (var input in transaction.Inputs)
        {
            var parent = input.PreviousOutput.Txid;
            if (!_byParent.TryGetValue(parent, out var children))
                _byParent[parent] = children = [];
            children.Add(txid);
            _spends[input.PreviousOutput] = txid;
        }
        return true;
    }

    /// <summary>Whether <see cref="TryAdd"/> would hold <paramref name="transaction"/> (a dry run's answer, with no change).</summary>
    public bool CouldHold(Transaction transaction) =>
        _orphans.ContainsKey(transaction.Txid) || (options.MaxOrphanCount > 0 && transaction.TotalSize <= options.MaxOrphanBytes);

    /// <summary>Removes and returns the orphans that spend an output of <paramref name="parent"/>, oldest first.</summary>
    public List<(Transaction Transaction, DateTimeOffset Received)> TakeChildrenOf(Txid parent)
    {
        if (!_byParent.TryGetValue(parent, out var children))
            return [];
        var taken = children.Select(txid => _orphans[txid]).OrderBy(o => o.Order).ToList();
        foreach (var orphan in taken)
            Remove(orphan.Transaction.Txid);
        return [.. taken.Select(o => (o.Transaction, o.Received))];
    }

    /// <summary>Drops orphans a block made pointless: the block's own transaction and those spending its inputs.</summary>
    public void RemoveForBlock(Transaction confirmed)
    {
        Remove(confirmed.Txid);
        foreach (var input in confirmed.Inputs)
        {
            if (_spends.TryGetValue(input.PreviousOutput, out var conflicting))
                Remove(conflicting);
        }
    }

    /// <summary>Drops the orphans older than the expiry.</summary>
    public void Expire(DateTimeOffset now)
    {
        var expired = _orphans.Values.Where(o => now - o.Received >= options.OrphanExpiry).Select(o => o.Transaction.Txid).ToList();
        foreach (var txid in expired)
            Remove(txid);
    }

    public void Remove(Txid txid)
    {
        if (!_orphans.Remove(txid, out var orphan))
            return;
        _byAge.Remove(orphan.Order);
        Bytes -= orphan.Transaction.TotalSize;
        foreach (var input in orphan.Transaction.Inputs)
        {
            var parent = input.PreviousOutput.Txid;
            if (_byParent.TryGetValue(parent, out var children) && children.Remove(txid) && children.Count == 0)
                _byParent.Remove(parent);
            if (_spends.TryGetValue(input.PreviousOutput, out var spender) && spender == txid)
                _spends.Remove(input.PreviousOutput);
        }
    }

    private sealed record Orphan(Transaction Transaction, DateTimeOffset Received, long Order);
}
