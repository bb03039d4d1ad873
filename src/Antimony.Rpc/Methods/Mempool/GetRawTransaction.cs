using System.Text.Json;
using Antimony.Consensus.Chain;
using Antimony.Consensus.Mempool;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Transactions;
using Antimony.Rpc.Json;
using Antimony.Rpc.Server;

namespace Antimony.Rpc.Methods.Mempool;

/// <summary>
/// <c>getrawtransaction "txid" ( verbosity "blockhash" )</c>: a pooled transaction, or one in the given block, as hex
/// or decoded (with blockhash, confirmations and times). Like Core without <c>-txindex</c>, a confirmed transaction
/// needs its block hash.
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
        if (parameters.Has(2))
        {
            entry = ChainLookup.GetEntry(chain, parameters.GetHash(2));
            if (!chain.TryGetBlock(entry.Hash, out var block))
                throw new RpcException(RpcErrorCode.MiscError, "Block not available");
            transaction = Find(block, txid)
                ?? throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "No such transaction found in the provided block. Use gettransaction for wallet transactions.");
        }
        else if (node.PoolOrNull is { } pool && pool.TryGetEntry(txid, out var pooled))
        {
            transaction = pooled.Transaction;
        }
        else if (chain.TryGetBlock(chain.Genesis.Hash, out var genesis) && genesis.Transactions[0].Txid == txid)
        {
            throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "The genesis block coinbase is not considered an ordinary transaction and cannot be retrieved");
        }
        if (transaction is null)
            throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "No such mempool transaction. Use -txindex or provide a block hash to enable blockchain transaction queries. Use gettransaction for wallet transactions.");

        if (verbosity <= 0)
        {
            result.WriteStringValue(transaction.ToHex());
            return ValueTask.CompletedTask;
        }
        result.WriteStartObject();
        bool active = entry is not null && chain.IsActive(entry);
        if (entry is not null)
            result.WriteBoolean("in_active_chain", active);
        result.WriteTransactionProperties(transaction, chain.Parameters.Network, includeHex: true);
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

    private static Transaction? Find(Block block, Txid txid)
    {
        foreach (var transaction in block.Transactions)
        {
            if (transaction.Txid == txid)
                return transaction;
        }
        return null;
    }
}
