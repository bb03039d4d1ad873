namespace Antimony.Rpc.Server;

/// <summary>Bitcoin Core's JSON-RPC error codes (<c>src/rpc/protocol.h</c>), so clients written for Core read Antimony's errors.</summary>
public static class RpcErrorCode
{
    /// <summary>The request is not a valid JSON-RPC request object.</summary>
    public const int InvalidRequest = -32600;

    /// <summary>No method of that name.</summary>
    public const int MethodNotFound = -32601;

    /// <summary>Invalid parameters (JSON-RPC 2.0's code).</summary>
    public const int InvalidParams = -32602;

    /// <summary>An internal error.</summary>
    public const int InternalError = -32603;

    /// <summary>The body is not valid JSON.</summary>
    public const int ParseError = -32700;

    /// <summary>Any other failure, including a wrong parameter count (Core's <c>RPC_MISC_ERROR</c>).</summary>
    public const int MiscError = -1;

    /// <summary>A value has the wrong JSON type.</summary>
    public const int TypeError = -3;

    /// <summary>An invalid address or key.</summary>
    public const int InvalidAddressOrKey = -5;

    /// <summary>Not enough memory.</summary>
    public const int OutOfMemory = -7;

    /// <summary>A parameter value is invalid.</summary>
    public const int InvalidParameter = -8;

    /// <summary>A database error.</summary>
    public const int DatabaseError = -20;

    /// <summary>Raw transaction or block data could not be decoded.</summary>
    public const int DeserializationError = -22;

    /// <summary>A general error while verifying or submitting (e.g. missing inputs).</summary>
    public const int VerifyError = -25;

    /// <summary>A transaction or block was rejected by the network's rules.</summary>
    public const int VerifyRejected = -26;

    /// <summary>The transaction is already in the chain.</summary>
    public const int VerifyAlreadyInChain = -27;

    /// <summary>The node is still starting.</summary>
    public const int InWarmup = -28;

    /// <summary>The P2P layer is not enabled.</summary>
    public const int ClientP2PDisabled = -9;

    /// <summary>A node is already added (<c>addnode add</c>).</summary>
    public const int ClientNodeAlreadyAdded = -23;

    /// <summary>The node was not added or is not connected.</summary>
    public const int ClientNodeNotAdded = -24;

    /// <summary>The node to disconnect is not connected.</summary>
    public const int ClientNodeNotConnected = -29;

    /// <summary>An invalid IP address or subnet.</summary>
    public const int ClientInvalidIPOrSubnet = -30;

    /// <summary>The mempool is not part of this node.</summary>
    public const int ClientMempoolDisabled = -33;

    /// <summary>A general wallet error.</summary>
    public const int WalletError = -4;

    /// <summary>The wallet's balance is too low.</summary>
    public const int WalletInsufficientFunds = -6;

    /// <summary>No wallet is loaded.</summary>
    public const int WalletNotFound = -18;

    /// <summary>No wallet was specified while several are loaded.</summary>
    public const int WalletNotSpecified = -19;
}
