using System.Text.Json;
using Antimony.Consensus.Chain;
using Antimony.Mining.Service;
using Antimony.Rpc.Json;

namespace Antimony.Rpc.Methods.Mining;

/// <summary><c>getmininginfo</c>: height, difficulty, network hash rate, pooled transactions, and the miner's template and hash rate when it runs.</summary>
internal sealed class GetMiningInfo(ChainState chain, NodeServices node) : IRpcMethod
{
    public string Name => "getmininginfo";

    public IReadOnlyList<RpcParameter> Parameters => [];

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        var tip = chain.Tip;
        var miner = node.Get<MinerService>();
        result.WriteStartObject();
        result.WriteNumber("blocks", tip.Height);
        if (miner?.CurrentTemplate is { } template)
        {
            result.WriteNumber("currentblockweight", template.Weight);
            result.WriteNumber("currentblocktx", template.Transactions.Length);
        }
        result.WriteString("bits", tip.Header.Bits.Value.ToString("x8", System.Globalization.CultureInfo.InvariantCulture));
        result.WriteNumber("difficulty", Difficulty.Of(tip.Header.Bits));
        result.WriteString("target", tip.Header.Bits.ToTarget().ToString());
        result.WriteNumber("networkhashps", NetworkHashRate.Estimate(tip));
        result.WriteNumber("pooledtx", node.PoolOrNull?.Count ?? 0);
        result.WriteString("chain", chain.Parameters.Name);
        if (miner is not null)
        {
            // Antimony's additions: the local miner's state and speed.
            result.WriteBoolean("generate", miner.State == MinerState.Running);
            result.WriteNumber("hashespersec", miner.HashRate);
        }
        result.WriteStartArray("warnings");
        result.WriteEndArray();
        result.WriteEndObject();
        return ValueTask.CompletedTask;
    }
}
