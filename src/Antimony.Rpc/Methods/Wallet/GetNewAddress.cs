using System.Text.Json;
using Antimony.Rpc.Server;

namespace Antimony.Rpc.Methods.Wallet;

/// <summary><c>getnewaddress ( "label" "address_type" )</c>: a fresh receiving address of the wallet (BIP86 taproot, bech32m).</summary>
internal sealed class GetNewAddress(NodeServices node) : IRpcMethod
{
    private static readonly RpcParameter[] Declared = [RpcParameter.Opt("label"), RpcParameter.Opt("address_type")];

    public string Name => "getnewaddress";

    public IReadOnlyList<RpcParameter> Parameters => Declared;

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        var wallet = node.Wallet;
        string? label = parameters.GetOptionalString(0);
        string? type = parameters.GetOptionalString(1);
        if (type is not (null or "bech32m"))
        {
            throw type is "legacy" or "p2sh-segwit" or "bech32"
                ? new RpcException(RpcErrorCode.InvalidParameter, $"Address type '{type}' is not supported: the wallet has taproot (bech32m) addresses only")
                : new RpcException(RpcErrorCode.InvalidAddressOrKey, $"Unknown address type '{type}'");
        }
        // Core's label "*" is reserved for "all labels".
        if (label == "*")
            throw new RpcException(-11, "Invalid label name");
        result.WriteStringValue(wallet.GetNewAddress(string.IsNullOrEmpty(label) ? null : label).ToString());
        return ValueTask.CompletedTask;
    }
}
