using System.Collections.Concurrent;
using System.Collections.Immutable;
using Antimony.Consensus.Events;
using Antimony.Consensus.Mempool;
using Antimony.P2P.Defences;
using Antimony.P2P.Messages;
using Antimony.P2P.Peers;
using Antimony.Primitives.Transactions;

namespace Antimony.P2P.Relay;

/// <summary>
/// Transaction relay: announcements by inv (by wtxid to BIP339 peers, by txid otherwise), fetches by getdata,
/// acceptance into the mempool, announcements of every accepted transaction (respecting BIP133 fee filters)
/// and the whole mempool offered to a new peer.
/// </summary>
internal sealed class TransactionRelay
{
    private const int MaxWtxids = 100_000;
    private readonly TransactionPool? _pool;
    private readonly Func<IEnumerable<Peer>> _peers;
    private readonly ConcurrentDictionary<Wtxid, Txid> _wtxids = new();

    public TransactionRelay(TransactionPool? pool, IChainEvents events, Func<IEnumerable<Peer>> peers)
    {
        _pool = pool;
        _peers = peers;
        events.TransactionAdded += OnTransactionAdded;
        events.TransactionRemoved += (_, e) => _wtxids.TryRemove(e.Transaction.Wtxid, out Txid _);
    }

    /// <summary>The fee filter to send: the mempool's minimum fee rate, or zero without a mempool.</summary>
    public long FeeFilter => _pool?.MinimumFeeRate.AtomsPerKilovirtualByte ?? 0;

    /// <summary>Offers the mempool to a peer that just connected.</summary>
    public void OnPeerReady(Peer peer)
    {
        if (_pool is null)
            return;
        var entries = _pool.GetEntries().Where(e => e.FeeRate.AtomsPerKilovirtualByte >= peer.FeeFilter)
            .Select(e => Announcement(peer, e.Transaction)).Where(v => peer.MarkKnown(v.Hash)).ToList();
        foreach (var chunk in entries.Chunk(InventoryVector.MaxPerMessage))
            peer.Post(new InvMessage([.. chunk]));
    }

    /// <summary>Handles transaction messages; throws <see cref="PeerMisbehaviourException"/> for a consensus-invalid transaction.</summary>
    public async ValueTask HandleAsync(Peer peer, INetworkMessage message, CancellationToken cancellationToken)
    {
        if (_pool is null)
            return;
        switch (message)
        {
            case InvMessage inv:
                OnInventory(peer, inv.Entries);
                break;
            case GetDataMessage getData:
                await OnGetDataAsync(peer, getData.Entries, cancellationToken).ConfigureAwait(false);
                break;
            case TxMessage tx:
                OnTransaction(peer, tx.Transaction);
                break;
        }
    }

    private void OnInventory(Peer peer, ImmutableArray<InventoryVector> entries)
    {
        var wanted = new List<InventoryVector>();
        foreach (var item in entries)
        {
            switch (item.Type)
            {
                case InventoryType.Tx or InventoryType.WitnessTx:
                    peer.MarkKnown(item.Hash);
                    if (!_pool!.Contains(new Txid(item.Hash)))
                        wanted.Add(new InventoryVector(InventoryType.WitnessTx, item.Hash));
                    break;
                case InventoryType.Wtx when peer.WtxidRelay:
                    peer.MarkKnown(item.Hash);
                    if (!_wtxids.ContainsKey(new Wtxid(item.Hash)))
                        wanted.Add(item);
                    break;
            }
        }
        if (wanted.Count > 0)
            peer.Post(new GetDataMessage([.. wanted]));
    }

    private async ValueTask OnGetDataAsync(Peer peer, ImmutableArray<InventoryVector> entries, CancellationToken cancellationToken)
    {
        List<InventoryVector>? missing = null;
        foreach (var item in entries)
        {
            Txid txid;
            if (item.Type is InventoryType.Tx or InventoryType.WitnessTx)
                txid = new Txid(item.Hash);
            else if (item.Type is InventoryType.Wtx && _wtxids.TryGetValue(new Wtxid(item.Hash), out var id))
                txid = id;
            else if (item.Type is not InventoryType.Wtx)
                continue; // blocks are ChainSync's
            else
            {
                (missing ??= []).Add(item);
                continue;
            }
            await peer.WaitForSendRoomAsync(cancellationToken).ConfigureAwait(false);
            if (_pool!.TryGetEntry(txid, out var entry))
                peer.Post(new TxMessage(entry.Transaction));
            else
                (missing ??= []).Add(item);
        }
        if (missing is not null)
            peer.Post(new NotFoundMessage([.. missing]));
    }

    private void OnTransaction(Peer peer, Transaction transaction)
    {
        peer.MarkKnown(transaction.Txid.Value);
        peer.MarkKnown(transaction.Wtxid.Value);
        var result = _pool!.Accept(transaction);
        if (result.IsConsensusViolation)
            throw new PeerMisbehaviourException(MisbehaviourReason.InvalidTransaction, $"consensus-invalid transaction {transaction.Txid}: {result.Code}");
    }

    private void OnTransactionAdded(object? sender, TransactionAddedEventArgs e)
    {
        var tx = e.Transaction;
        if (_wtxids.Count >= MaxWtxids)
            _wtxids.Clear();
        _wtxids[tx.Wtxid] = tx.Txid;
        long rate = FeeRate.FromFee(e.Fee, tx.VirtualSize).AtomsPerKilovirtualByte;
        foreach (var peer in _peers())
        {
            if (rate < peer.FeeFilter)
                continue;
            var item = Announcement(peer, tx);
            if (peer.MarkKnown(item.Hash))
                peer.Post(new InvMessage([item]));
        }
    }

    private static InventoryVector Announcement(Peer peer, Transaction tx) =>
        peer.WtxidRelay ? new InventoryVector(InventoryType.Wtx, tx.Wtxid.Value) : new InventoryVector(InventoryType.Tx, tx.Txid.Value);
}
