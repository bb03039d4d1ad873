using System.Text.Json;
using Antimony.Consensus.Mempool;
using Antimony.Primitives.Transactions;
using Antimony.Rpc.Server;

namespace Antimony.Rpc.Methods.Mempool;

/// <summary><c>getmempoolentry "txid"</c>: one pooled transaction's entry (-5 when not in the pool).</summary>
internal sealed class GetMempoolEntry(NodeServices node) : IRpcMethod
{
    private static readonly RpcParameter[] Declared = [RpcParameter.Req("txid")];

    public string Name => "getmempoolentry";

    public IReadOnlyList<RpcParameter> Parameters => Declared;

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        var txid = new Txid(parameters.GetHash(0));
        var pool = node.Pool;
        if (!pool.TryGetEntry(txid, out var entry))
            throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "Transaction not in mempool");
        result.WriteEntry(entry, pool);
        return ValueTask.CompletedTask;
    }
}
