using System.Text.Json;
using Antimony.Consensus.Storage;

namespace Antimony.Rpc.Methods.Blockchain;

/// <summary>
/// <c>getindexinfo ( "index_name" )</c>: Core's shape, <c>{"txindex": {"synced": ..., "best_block_height": ...}}</c>
/// when the node keeps a transaction index (an empty object otherwise, or when another index is asked for), so a
/// client can follow a background build.
/// </summary>
internal sealed class GetIndexInfo(NodeServices node) : IRpcMethod
{
    private static readonly RpcParameter[] Declared = [RpcParameter.Opt("index_name")];

    public string Name => "getindexinfo";

    public IReadOnlyList<RpcParameter> Parameters => Declared;

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        string? name = parameters.GetOptionalString(0);
        result.WriteStartObject();
        if (node.Get<ITransactionIndex>() is { } index && (name is null || name == "txindex"))
        {
            var status = index.Status;
            result.WriteStartObject("txindex");
            result.WriteBoolean("synced", status.IsSynced);
            result.WriteNumber("best_block_height", status.BestBlockHeight);
            result.WriteEndObject();
        }
        result.WriteEndObject();
        return ValueTask.CompletedTask;
    }
}
