namespace Antimony.Node.Tests.Support;

/// <summary>A JSON-RPC error reply.</summary>
internal sealed class RpcException(int code, string message, string method) : Exception($"{method}: {code} {message}")
{
    public int Code { get; } = code;

    public string RpcMessage { get; } = message;
}
