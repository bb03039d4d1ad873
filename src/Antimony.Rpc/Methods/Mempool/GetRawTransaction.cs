using System.Text.Json;
using Antimony.Consensus.Chain;
using Antimony.Consensus.Mempool;
using Antimony.Consensus.Storage;
using Antimony.Rpc.Methods.Blockchain;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Transactions;
using Antimony.Rpc.Json;
using Antimony.Rpc.Server;

namespace Antimony.Rpc.Methods.Mempool;

/// <summary>
/// <c>getrawtransaction "txid" ( verbosity "blockhash" )</c>: a pooled transaction, or one in the given block, as hex
/// or decoded (with blockhash, confirmations and times). A confirmed transaction needs its block hash unless the
/// node keeps a transaction index (<c>AddTransactionIndex()</c>, Core's <c>-txindex</c>).
/// </summary>
internal sealed class GetRawTransaction(ChainState chain, NodeServices node) : IRpcMethod
{
    private static readonly RpcParameter[] Declared = [RpcParameter.Req("txid"), RpcParameter.Opt("verbosity"), RpcParameter.Opt("blockhash")];

    public string Name => "getrawtransaction";

    public IReadOnlyList<RpcParameter> Parameters => Declared;

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        var txid = new Txid(parameters.GetHash(0));
        int verbosity = parameters.GetOptionalVerbosity(1) ?? 0;
        Transaction? transaction = null;
        ChainEntry? entry = null;
        Block? holder = null;
        int position = -1;
        if (parameters.Has(2))
        {
            entry = ChainLookup.GetEntry(chain, parameters.GetHash(2));
            if (!chain.TryGetBlock(entry.Hash, out var block))
                throw new RpcException(RpcErrorCode.MiscError, "Block not available");
            holder = block;
            position = Find(block, txid);
            transaction = position >= 0 ? block.Transactions[position] : throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "No such transaction found in the provided block. Use gettransaction for wallet transactions.");
        }
        else if (node.PoolOrNull is { } pool && pool.TryGetEntry(txid, out var pooled))
        {
            transaction = pooled.Transaction;
        }
        else if (chain.TryGetBlock(chain.Genesis.Hash, out var genesis) && genesis.Transactions[0].Txid == txid)
        {
            throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "The genesis block coinbase is not considered an ordinary transaction and cannot be retrieved");
        }
        var index = node.Get<ITransactionIndex>();
        if (transaction is null && index is not null)
            (transaction, entry, holder, position) = FindIndexed(index, txid);
        if (transaction is null)
        {
            string reason = index is null
                ? "No such mempool transaction. Use -txindex or provide a block hash to enable blockchain transaction queries."
                : index.Status.IsSynced
                    ? "No such mempool or blockchain transaction."
                    : "No such mempool or blockchain transaction. Blockchain transactions are still in the process of being indexed.";
            throw new RpcException(RpcErrorCode.InvalidAddressOrKey, reason + " Use gettransaction for wallet transactions.");
        }

        if (verbosity <= 0)
        {
            result.WriteStringValue(transaction.ToHex());
            return ValueTask.CompletedTask;
        }
        result.WriteStartObject();
        bool active = entry is not null && chain.IsActive(entry);
        if (parameters.Has(2))
            result.WriteBoolean("in_active_chain", active);
        // Verbosity 2 adds the fee and each input's prevout when the block's undo data is at hand (Core's TxVerbosity::SHOW_DETAILS_AND_PREVOUT).
        var undo = verbosity >= 2 && entry is not null && holder is not null ? BlockSpends.Find(node, chain, entry, holder) : null;
        var spent = undo is null ? [] : BlockSpends.Of(undo, holder!, position);
        result.WriteTransactionProperties(transaction, chain.Parameters.Network, includeHex: true, spent, showPrevouts: true);
        if (entry is not null)
        {
            result.WriteString("blockhash", entry.Hash.ToString());
            result.WriteNumber("confirmations", active ? chain.Tip.Height - entry.Height + 1 : 0);
            result.WriteNumber("time", entry.Header.Time);
            result.WriteNumber("blocktime", entry.Header.Time);
        }
        result.WriteEndObject();
        return ValueTask.CompletedTask;
    }

    // The index names an active block; the checks guard against an entry left by a store that ran without it.
    private (Transaction?, ChainEntry?, Block?, int) FindIndexed(ITransactionIndex index, Txid txid)
    {
        if (!index.TryGetLocation(txid, out var location)
            || !chain.TryGetEntry(location.Block, out var entry) || !chain.IsActive(entry)
            || !chain.TryGetBlock(location.Block, out var block)
            || location.Position >= block.Transactions.Length || block.Transactions[location.Position].Txid != txid)
            return (null, null, null, -1);
        return (block.Transactions[location.Position], entry, block, location.Position);
    }

    private static int Find(Block block, Txid txid)
    {
        for (int i = 0; i < block.Transactions.Length; i++)
        {
            if (block.Transactions[i].Txid == txid)
                return i;
        }
        return -1;
    }
}
