using System.Text.Json;
using Antimony.Consensus.Mempool;
using Antimony.Primitives.Amounts;
using Antimony.Rpc.Json;

namespace Antimony.Rpc.Methods.Mempool;

/// <summary><c>getmempoolinfo</c>: the pool's size, bytes, fees, limits and fee floors.</summary>
internal sealed class GetMempoolInfo(NodeServices node) : IRpcMethod
{
    public string Name => "getmempoolinfo";

    public IReadOnlyList<RpcParameter> Parameters => [];

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        var pool = node.Pool;
        var entries = pool.GetEntries();
        var options = pool.Options;
        result.WriteStartObject();
        result.WriteBoolean("loaded", true);
        result.WriteNumber("size", entries.Count);
        result.WriteNumber("bytes", entries.Sum(e => (long)e.VirtualSize));
        result.WriteNumber("usage", pool.Bytes);
        result.WriteAmount("total_fee", Money.Sum(entries.Select(e => e.Fee)));
        result.WriteNumber("maxmempool", options.MaxSizeBytes);
        result.WriteAmount("mempoolminfee", new Money(FeeRate.Max(pool.MinimumFeeRate, options.MinRelayFeeRate).AtomsPerKilovirtualByte));
        result.WriteAmount("minrelaytxfee", new Money(options.MinRelayFeeRate.AtomsPerKilovirtualByte));
        result.WriteAmount("incrementalrelayfee", new Money(options.IncrementalRelayFeeRate.AtomsPerKilovirtualByte));
        result.WriteNumber("unbroadcastcount", 0);
        result.WriteBoolean("fullrbf", true);
        result.WriteEndObject();
        return ValueTask.CompletedTask;
    }
}
