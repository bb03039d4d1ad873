using System.Globalization;
using System.Text.Json;
using Antimony.Consensus.Chain;
using Antimony.Rpc.Json;

namespace Antimony.Rpc.Methods.Blockchain;

/// <summary><c>getblockchaininfo</c>: the network, tip, headers, difficulty and sync state, in Core's shape (the network's own name as <c>chain</c>).</summary>
internal sealed class GetBlockchainInfo(ChainState chain, TimeProvider time, NodeServices node) : IRpcMethod
{
    public string Name => "getblockchaininfo";

    public IReadOnlyList<RpcParameter> Parameters => [];

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        var tip = chain.Tip;
        var bits = tip.Header.Bits;
        int headers = ChainLookup.BestHeaderHeight(chain, node.NetworkOrNull);
        result.WriteStartObject();
        result.WriteString("chain", chain.Parameters.Name);
        result.WriteNumber("blocks", tip.Height);
        result.WriteNumber("headers", headers);
        result.WriteString("bestblockhash", tip.Hash.ToString());
        result.WriteString("bits", bits.Value.ToString("x8", CultureInfo.InvariantCulture));
        result.WriteString("target", bits.ToTarget().ToString());
        result.WriteNumber("difficulty", Difficulty.Of(bits));
        result.WriteNumber("time", tip.Header.Time);
        result.WriteNumber("mediantime", tip.MedianTimePast);
        result.WriteNumber("verificationprogress", headers <= 0 ? 1.0 : Math.Min(1.0, (double)tip.Height / headers));
        result.WriteBoolean("initialblockdownload", ChainLookup.IsInitialBlockDownload(chain, time));
        result.WriteString("chainwork", tip.ChainWork.ToString());
        result.WriteNumber("size_on_disk", 0);
        result.WriteBoolean("pruned", false);
        result.WriteStartArray("warnings");
        result.WriteEndArray();
        result.WriteEndObject();
        return ValueTask.CompletedTask;
    }
}
