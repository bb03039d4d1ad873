using System.Text.Json;
using Antimony.Rpc.Server;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Antimony.Rpc.Methods.Control;

/// <summary><c>stop</c>: asks the host to shut down gracefully (the reply is sent first) and answers "Antimony stopping".</summary>
internal sealed class Stop(ILogger<Stop> logger, IHostApplicationLifetime? lifetime = null) : IRpcMethod
{
    public string Name => "stop";

    private static readonly RpcParameter[] Declared = [RpcParameter.Opt("wait")];

    public IReadOnlyList<RpcParameter> Parameters => Declared;

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        if (lifetime is null)
            throw new RpcException(RpcErrorCode.MiscError, "This host cannot be stopped over RPC");
        Log.StopRequested(logger);
        // Off the request's thread: stopping waits for in-flight requests, this one included.
        _ = Task.Run(lifetime.StopApplication, CancellationToken.None);
        result.WriteStringValue("Antimony stopping");
        return ValueTask.CompletedTask;
    }
}
