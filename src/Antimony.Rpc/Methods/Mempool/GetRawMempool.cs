using System.Text.Json;
using Antimony.Consensus.Mempool;
using Antimony.Rpc.Server;

namespace Antimony.Rpc.Methods.Mempool;

/// <summary><c>getrawmempool ( verbose mempool_sequence )</c>: the pooled txids, or an object of entries by txid when verbose.</summary>
internal sealed class GetRawMempool(NodeServices node) : IRpcMethod
{
    private static readonly RpcParameter[] Declared = [RpcParameter.Opt("verbose"), RpcParameter.Opt("mempool_sequence")];

    public string Name => "getrawmempool";

    public IReadOnlyList<RpcParameter> Parameters => Declared;

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        bool verbose = parameters.GetOptionalBoolean(0) ?? false;
        bool sequence = parameters.GetOptionalBoolean(1) ?? false;
        if (verbose && sequence)
            throw new RpcException(RpcErrorCode.InvalidParameter, "Verbose results cannot contain mempool sequence values.");
        if (sequence)
            throw new RpcException(RpcErrorCode.InvalidParameter, "mempool_sequence is not supported by this node");
        var pool = node.Pool;
        var entries = pool.GetEntries();
        if (!verbose)
        {
            result.WriteStartArray();
            foreach (var entry in entries)
                result.WriteStringValue(entry.Txid.ToString());
            result.WriteEndArray();
            return ValueTask.CompletedTask;
        }
        result.WriteStartObject();
        foreach (var entry in entries)
        {
            result.WritePropertyName(entry.Txid.ToString());
            result.WriteEntry(entry, pool);
        }
        result.WriteEndObject();
        return ValueTask.CompletedTask;
    }
}
