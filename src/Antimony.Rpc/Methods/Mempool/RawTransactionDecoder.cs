using Antimony.Primitives.Transactions;
using Antimony.Rpc.Server;

namespace Antimony.Rpc.Methods.Mempool;

/// <summary>Decodes a hex transaction parameter with Core's errors: -8 when not hex, -22 when not a transaction.</summary>
internal static class RawTransactionDecoder
{
    public static Transaction Decode(RpcParameters parameters, int position, string failure = "TX decode failed")
    {
        byte[] bytes = parameters.GetHex(position);
        if (!Transaction.TryParse(bytes, out var transaction, out _))
            throw new RpcException(RpcErrorCode.DeserializationError, failure);
        return transaction;
    }
}
