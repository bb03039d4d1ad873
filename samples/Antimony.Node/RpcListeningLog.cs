using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Antimony.Node;

/// <summary>
/// Logs <c>RPC listening on http://ADDRESS:PORT</c> once the server has bound (the port resolved when 0 was
/// asked for): tests and atmn-devnet read this line to find the node.
/// </summary>
internal sealed partial class RpcListeningLog(IServer server, IHostApplicationLifetime lifetime, ILogger<RpcListeningLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            foreach (string address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
                LogListening(address);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "RPC listening on {Address}")]
    private partial void LogListening(string address);
}
