using System.Text.Json;
using Antimony.Rpc.Monitoring.Health;
using Antimony.Rpc.Monitoring.Metrics;
using Antimony.Rpc.Monitoring.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Antimony.Rpc.Monitoring;

/// <summary>Maps the monitoring endpoints: <c>GET /health</c>, <c>GET /metrics</c>, <c>GET /status</c>.</summary>
public static class MonitoringEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>/health</c> (ASP.NET Core health checks, a JSON body with each check; 503 when unhealthy),
    /// <c>/metrics</c> (Prometheus text 0.0.4 from every <c>Antimony.*</c> meter) and <c>/status</c> (one JSON
    /// document for dashboards). None asks for credentials: bind the server to loopback (the default) or put
    /// the endpoints behind a proxy. Starts the exporter and the log recorder at once, so they see everything
    /// from start-up on.
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>AddMonitoring</c> was not called.</exception>
    public static IEndpointRouteBuilder MapAntimonyMonitoring(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        if (services.GetService<PrometheusExporter>() is not { } exporter)
            throw new InvalidOperationException("MapAntimonyMonitoring needs the monitoring services: call services.AddMonitoring() (or AddRpc, which adds them) before building the app.");
        _ = services.GetRequiredService<MonitoringMetrics>();

        endpoints.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        endpoints.MapGet("/metrics", context =>
        {
            context.Response.ContentType = PrometheusExporter.ContentType;
            return context.Response.WriteAsync(exporter.Scrape(), context.RequestAborted);
        });
        var status = services.GetRequiredService<NodeStatusWriter>();
        endpoints.MapGet("/status", async context =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await using var json = new Utf8JsonWriter(context.Response.Body, new JsonWriterOptions { Indented = true });
            status.Write(json);
            await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        });
        return endpoints;
    }
}
