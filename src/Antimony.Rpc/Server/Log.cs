using Microsoft.Extensions.Logging;

namespace Antimony.Rpc.Server;

/// <summary>The JSON-RPC server's log messages (event ids 6000-6099).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "RPC cookie written to {Path}")]
    public static partial void CookieWritten(ILogger logger, string path);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Could not delete the RPC cookie {Path}")]
    public static partial void CookieDeleteFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "RPC request from {Remote} with wrong credentials")]
    public static partial void Unauthorized(ILogger logger, string? remote);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Error, Message = "RPC method {Method} failed unexpectedly")]
    public static partial void MethodFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Debug, Message = "RPC call {Method}")]
    public static partial void Call(ILogger logger, string method);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Error, Message = "The RPC server failed to answer a request")]
    public static partial void ServerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "RPC stop requested")]
    public static partial void StopRequested(ILogger logger);
}
