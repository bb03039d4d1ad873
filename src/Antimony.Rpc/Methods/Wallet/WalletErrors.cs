using Antimony.Rpc.Server;
using Antimony.Wallet.Hosting;

namespace Antimony.Rpc.Methods.Wallet;

/// <summary>Maps the wallet's typed failures onto Core's wallet error codes.</summary>
internal static class WalletErrors
{
    public static RpcException ToRpc(WalletException exception) => exception.Error switch
    {
        WalletError.InsufficientFunds => new RpcException(RpcErrorCode.WalletInsufficientFunds, "Insufficient funds", exception),
        WalletError.InvalidAmount => new RpcException(RpcErrorCode.TypeError, "Invalid amount for send", exception),
        WalletError.InvalidAddress => new RpcException(RpcErrorCode.InvalidAddressOrKey, "Invalid address", exception),
        WalletError.Rejected => new RpcException(RpcErrorCode.WalletError, exception.RejectCode ?? exception.Message, exception),
        WalletError.NoMempool => new RpcException(RpcErrorCode.ClientMempoolDisabled, "Mempool disabled or instance not found", exception),
        _ => new RpcException(RpcErrorCode.WalletError, exception.Message, exception),
    };
}
