using System.Text.Json;
using Antimony.Consensus.Chain;
using Antimony.Consensus.Mempool;
using Antimony.Primitives.Addresses;
using Antimony.Primitives.Amounts;
using Antimony.Rpc.Server;
using Antimony.Wallet.Hosting;

namespace Antimony.Rpc.Methods.Wallet;

/// <summary>
/// <c>sendtoaddress "address" amount ( "comment" "comment_to" subtractfeefromamount replaceable conf_target "estimate_mode"
/// avoid_reuse fee_rate verbose )</c>: pays the address from the wallet, submits and relays the transaction and returns its
/// txid. <c>fee_rate</c> is in atoms per vbyte (Core's sat/vB); <c>subtractfeefromamount</c> is not supported.
/// </summary>
internal sealed class SendToAddress(ChainState chain, NodeServices node) : IRpcMethod
{
    private static readonly RpcParameter[] Declared =
    [
        RpcParameter.Req("address"), RpcParameter.Req("amount"), RpcParameter.Opt("comment"), RpcParameter.Opt("comment_to"),
        RpcParameter.Opt("subtractfeefromamount"), RpcParameter.Opt("replaceable"), RpcParameter.Opt("conf_target"),
        RpcParameter.Opt("estimate_mode"), RpcParameter.Opt("avoid_reuse"), RpcParameter.Opt("fee_rate"), RpcParameter.Opt("verbose"),
    ];

    public string Name => "sendtoaddress";

    public IReadOnlyList<RpcParameter> Parameters => Declared;

    public async ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        var wallet = node.Wallet;
        if (!SegwitAddress.TryParse(parameters.GetString(0), chain.Parameters.Network, out var address))
            throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "Invalid address");
        Money amount = parameters.GetAmount(1);
        if (amount <= Money.Zero)
            throw new RpcException(RpcErrorCode.TypeError, "Invalid amount for send");
        _ = parameters.GetOptionalString(2);
        _ = parameters.GetOptionalString(3);
        if (parameters.GetOptionalBoolean(4) == true)
            throw new RpcException(RpcErrorCode.InvalidParameter, "subtractfeefromamount is not supported by this wallet");
        _ = parameters.GetOptionalBoolean(5);
        _ = parameters.GetOptionalInt32(6);
        _ = parameters.GetOptionalString(7);
        _ = parameters.GetOptionalBoolean(8);
        FeeRate? feeRate = null;
        if (parameters.Has(9))
        {
            var rate = parameters.GetAmount(9);
            // fee_rate is atoms per vbyte (read with the amount parser's checks, so "coins" here are atoms/vB);
            // FeeRate counts atoms per 1000 vbytes, so three decimals are exact.
            if (rate.Atoms % 100_000 != 0)
                throw new RpcException(RpcErrorCode.InvalidParameter, "fee_rate has more than 3 decimals (atoms per vbyte)");
            feeRate = new FeeRate(rate.Atoms / 100_000);
        }
        bool verbose = parameters.GetOptionalBoolean(10) ?? false;
        try
        {
            var txid = await wallet.SendToAddressAsync(address, amount, feeRate, cancellationToken).ConfigureAwait(false);
            if (!verbose)
            {
                result.WriteStringValue(txid.ToString());
                return;
            }
            result.WriteStartObject();
            result.WriteString("txid", txid.ToString());
            result.WriteString("fee_reason", feeRate is null ? "Fallback fee" : "User-specified feerate");
            result.WriteEndObject();
        }
        catch (WalletException ex)
        {
            throw WalletErrors.ToRpc(ex);
        }
    }
}
