using System.Text.Json;
using Antimony.Rpc.Json;
using Antimony.Rpc.Server;

namespace Antimony.Rpc.Methods.Wallet;

/// <summary>
/// <c>getbalance ( "*" minconf include_watchonly avoid_reuse )</c>: the spendable balance of mature outputs with at
/// least <c>minconf</c> confirmations (default 0), in ATMN.
/// </summary>
internal sealed class GetBalance(NodeServices node) : IRpcMethod
{
    private static readonly RpcParameter[] Declared = [RpcParameter.Opt("dummy"), RpcParameter.Opt("minconf"), RpcParameter.Opt("include_watchonly"), RpcParameter.Opt("avoid_reuse")];

    public string Name => "getbalance";

    public IReadOnlyList<RpcParameter> Parameters => Declared;

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        var wallet = node.Wallet;
        if (parameters.GetOptionalString(0) is { } dummy && dummy != "*")
            throw new RpcException(-32, "dummy first argument must be excluded or set to \"*\".");
        int minConfirmations = parameters.GetOptionalInt32(1) ?? 0;
        _ = parameters.GetOptionalBoolean(2);
        _ = parameters.GetOptionalBoolean(3);
        result.WriteAmountValue(wallet.GetBalance(Math.Max(0, minConfirmations)).Confirmed);
        return ValueTask.CompletedTask;
    }
}
