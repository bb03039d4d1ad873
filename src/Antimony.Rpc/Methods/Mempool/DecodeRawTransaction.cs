using System.Text.Json;
using Antimony.Consensus.Chain;
using Antimony.Rpc.Json;

namespace Antimony.Rpc.Methods.Mempool;

/// <summary><c>decoderawtransaction "hexstring" ( iswitness )</c>: the transaction's fields, as Core's <c>TxToUniv</c> without the hex.</summary>
internal sealed class DecodeRawTransaction(ChainState chain) : IRpcMethod
{
    private static readonly RpcParameter[] Declared = [RpcParameter.Req("hexstring"), RpcParameter.Opt("iswitness")];

    public string Name => "decoderawtransaction";

    public IReadOnlyList<RpcParameter> Parameters => Declared;

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        // iswitness only steers Core's heuristic between two encodings; the decoder here reads BIP144 markers exactly.
        _ = parameters.GetOptionalBoolean(1);
        var transaction = RawTransactionDecoder.Decode(parameters, 0);
        result.WriteStartObject();
        result.WriteTransactionProperties(transaction, chain.Parameters.Network, includeHex: false);
        result.WriteEndObject();
        return ValueTask.CompletedTask;
    }
}
