using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Antimony.Rpc.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Antimony.Node;

/// <summary>
/// Logs <c>RPC listening on http://ADDRESS:PORT</c> once the server has bound (the port resolved when 0 was
/// asked for): tests and atmn-devnet read this line to find the node. A second line shows how to query it.
/// </summary>
internal sealed partial class RpcListeningLog(IServer server, IHostApplicationLifetime lifetime, IOptions<RpcOptions> options,
    ILogger<RpcListeningLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            foreach (string address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            {
                LogListening(address);
                LogQuery(Credentials(), address);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private string Credentials()
    {
        var rpc = options.Value;
        if (rpc.User is not null)
            return $"{rpc.User}:PASSWORD";
        string directory = rpc.CookieDirectory ?? rpc.DataDirectory ?? ".";
        return $"$(cat {Path.Combine(directory, ".cookie")})";
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "RPC listening on {Address}")]
    private partial void LogListening(string address);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information,
        Message = "Query it: curl --user \"{Credentials}\" -d '{{\"method\":\"getblockchaininfo\"}}' {Address}/   (no auth: {Address}/status, /health, /metrics)")]
    private partial void LogQuery(string credentials, string address);
}
