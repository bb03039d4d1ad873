using System.Text.Json;
using Antimony.Consensus.Chain;
using Antimony.Primitives.Amounts;
using Antimony.Rpc.Json;
using Antimony.Rpc.Server;

namespace Antimony.Rpc.Methods.Util;

/// <summary>
/// <c>estimatesmartfee conf_target ( "estimate_mode" )</c>: a fee rate in ATMN/kvB expected to confirm within the
/// target, from <see cref="FeeEstimator"/>; without data, Core's <c>errors</c> array instead of <c>feerate</c>.
/// </summary>
internal sealed class EstimateSmartFee(ChainState chain, FeeEstimator estimator, NodeServices node) : IRpcMethod
{
    private const int MaxTarget = 1008;
    private static readonly RpcParameter[] Declared = [RpcParameter.Req("conf_target"), RpcParameter.Opt("estimate_mode")];

    public string Name => "estimatesmartfee";

    public IReadOnlyList<RpcParameter> Parameters => Declared;

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        int target = parameters.GetInt32(0);
        if (target is < 1 or > MaxTarget)
            throw new RpcException(RpcErrorCode.InvalidParameter, $"Invalid conf_target, must be between 1 and {MaxTarget}");
        string mode = (parameters.GetOptionalString(1) ?? "unset").ToLowerInvariant();
        if (mode is not ("unset" or "economical" or "conservative"))
            throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid estimate_mode parameter, must be one of: \"unset\", \"economical\", \"conservative\"");
        // Like Core, a target of 1 is answered for 2: one block is too noisy to promise.
        int blocks = Math.Max(target, 2);
        var estimate = estimator.Estimate(blocks, mode == "conservative", node.PoolOrNull, chain.Parameters.MaxBlockWeight / 4);
        result.WriteStartObject();
        if (estimate is { } rate)
        {
            result.WriteAmount("feerate", new Money(rate.AtomsPerKilovirtualByte));
        }
        else
        {
            result.WriteStartArray("errors");
            result.WriteStringValue("Insufficient data or no feerate found");
            result.WriteEndArray();
        }
        result.WriteNumber("blocks", estimate is null ? 0 : blocks);
        result.WriteEndObject();
        return ValueTask.CompletedTask;
    }
}
