namespace Antimony.Devnet.Rpc;

/// <summary>A JSON-RPC call answered with an error object (Bitcoin Core's codes), or an HTTP failure (code 0).</summary>
public sealed class RpcException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RpcException(int code, string message) : base(message) => Code = code;

    /// <summary>Creates the exception for a transport failure with its cause.</summary>
    public RpcException(int code, string message, Exception innerException) : base(message, innerException) => Code = code;

    /// <summary>Creates the exception.</summary>
    public RpcException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public RpcException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RpcException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The JSON-RPC error code (e.g. -26 rejected transaction), 0 for transport failures.</summary>
    public int Code { get; }
}
