using Antimony.Rpc.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Antimony.Rpc.Hosting;

/// <summary>Maps the JSON-RPC endpoint into an ASP.NET Core application.</summary>
public static class RpcEndpointRouteBuilderExtensions
{
    /// <summary>Maps Bitcoin Core-style JSON-RPC at <c>POST /</c> and <c>POST /wallet/{name}</c> (other verbs get 405).</summary>
    /// <exception cref="InvalidOperationException"><c>AddRpc</c> was not called on the services.</exception>
    public static IEndpointConventionBuilder MapAntimonyRpc(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var endpoint = endpoints.ServiceProvider.GetService<RpcEndpoint>()
            ?? throw new InvalidOperationException("MapAntimonyRpc needs the RPC services: call builder.Services.AddAntimony(...).AddRpc(...) first.");
        // bitcoin-cli -rpcwallet=NAME posts to /wallet/NAME; the node has one wallet, which answers whatever the name.
        endpoints.MapPost("/wallet/{name}", (RequestDelegate)endpoint.HandleAsync).WithDisplayName("Antimony JSON-RPC (wallet)");
        return endpoints.MapPost("/", (RequestDelegate)endpoint.HandleAsync).WithDisplayName("Antimony JSON-RPC");
    }
}
