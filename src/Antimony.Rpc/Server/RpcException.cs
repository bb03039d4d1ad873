namespace Antimony.Rpc.Server;

/// <summary>
/// A JSON-RPC error a method reports to its caller: the server turns it into the reply's <c>error</c>
/// object with <see cref="Code"/> (see <see cref="RpcErrorCode"/>) and the message.
/// </summary>
public sealed class RpcException : Exception
{
    /// <summary>Creates an error with a Bitcoin Core error code and a message for the caller.</summary>
    public RpcException(int code, string message)
        : base(message) => Code = code;

    /// <summary>Creates an error caused by another exception.</summary>
    public RpcException(int code, string message, Exception innerException)
        : base(message, innerException) => Code = code;

    /// <summary>Creates a miscellaneous error (-1).</summary>
    public RpcException()
        : this(RpcErrorCode.MiscError, "RPC error")
    {
    }

    /// <summary>Creates a miscellaneous error (-1) with a message.</summary>
    public RpcException(string message)
        : this(RpcErrorCode.MiscError, message)
    {
    }

    /// <summary>Creates a miscellaneous error (-1) with a message and a cause.</summary>
    public RpcException(string message, Exception innerException)
        : this(RpcErrorCode.MiscError, message, innerException)
    {
    }

    /// <summary>The error code (Bitcoin Core's numbering).</summary>
    public int Code { get; }
}
