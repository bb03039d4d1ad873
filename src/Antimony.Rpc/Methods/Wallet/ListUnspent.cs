using System.Text.Json;
using Antimony.Consensus.Chain;
using Antimony.Primitives.Addresses;
using Antimony.Rpc.Json;
using Antimony.Rpc.Server;

namespace Antimony.Rpc.Methods.Wallet;

/// <summary><c>listunspent ( minconf maxconf ["address",...] include_unsafe query_options )</c>: the wallet's spendable outputs, in Core's shape.</summary>
internal sealed class ListUnspent(ChainState chain, NodeServices node) : IRpcMethod
{
    private static readonly RpcParameter[] Declared =
        [RpcParameter.Opt("minconf"), RpcParameter.Opt("maxconf"), RpcParameter.Opt("addresses"), RpcParameter.Opt("include_unsafe"), RpcParameter.Opt("query_options")];

    public string Name => "listunspent";

    public IReadOnlyList<RpcParameter> Parameters => Declared;

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        var wallet = node.Wallet;
        int minConfirmations = parameters.GetOptionalInt32(0) ?? 1;
        int maxConfirmations = parameters.GetOptionalInt32(1) ?? 9_999_999;
        HashSet<string>? addresses = null;
        if (parameters.Has(2))
        {
            addresses = [];
            foreach (var item in parameters.GetElement(2, JsonValueKind.Array).EnumerateArray())
            {
                string? text = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
                if (!SegwitAddress.TryParse(text, chain.Parameters.Network, out var address))
                    throw new RpcException(RpcErrorCode.InvalidAddressOrKey, $"Invalid Antimony address: {text ?? item.GetRawText()}");
                if (!addresses.Add(address.ToString()))
                    throw new RpcException(RpcErrorCode.InvalidParameter, $"Invalid parameter, duplicated address: {text}");
            }
        }
        _ = parameters.GetOptionalBoolean(3);
        if (parameters.Has(4))
            parameters.GetElement(4, JsonValueKind.Object);
        result.WriteStartArray();
        foreach (var coin in wallet.ListUnspent(Math.Max(0, minConfirmations), Math.Max(0, maxConfirmations)))
        {
            string address = coin.Address.ToString();
            if (addresses is not null && !addresses.Contains(address))
                continue;
            result.WriteStartObject();
            result.WriteString("txid", coin.OutPoint.Txid.ToString());
            result.WriteNumber("vout", coin.OutPoint.Index);
            result.WriteString("address", address);
            if (coin.Label is not null)
                result.WriteString("label", coin.Label);
            result.WriteString("scriptPubKey", coin.ScriptPubKey.ToString());
            result.WriteAmount("amount", coin.Amount);
            result.WriteNumber("confirmations", coin.Confirmations);
            result.WriteBoolean("spendable", true);
            result.WriteBoolean("solvable", true);
            result.WriteString("desc", ScriptJson.Describe(coin.ScriptPubKey, coin.Address));
            result.WriteStartArray("parent_descs");
            result.WriteEndArray();
            result.WriteBoolean("safe", coin.Confirmations > 0);
            result.WriteEndObject();
        }
        result.WriteEndArray();
        return ValueTask.CompletedTask;
    }
}
