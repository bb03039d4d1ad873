using Antimony.Consensus.Hosting;
using Antimony.Rpc.Monitoring.Health;
using Antimony.Rpc.Monitoring.Metrics;
using Antimony.Rpc.Monitoring.Status;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Antimony.Rpc.Monitoring;

/// <summary>Registers the node's health checks, health score, Prometheus exporter and status document.</summary>
public static class MonitoringServiceCollectionExtensions
{
    /// <summary>
    /// Adds the monitoring services (idempotent): <see cref="PrometheusExporter"/>, <see cref="RecentLogRecorder"/>
    /// (also a logger provider), <see cref="ResponsivenessProbe"/> and <see cref="BlockArrivalLog"/> (hosted),
    /// <see cref="HealthScore"/>, <see cref="NodeStatusWriter"/> and the health checks <c>synced</c>, <c>peers</c>,
    /// <c>errors</c>, <c>responsive</c>. <see cref="MonitoringOptions"/> bind from <c>Antimony:Monitoring</c>, then <paramref name="configure"/>, validated on start.
    /// Serve them with <see cref="MonitoringEndpointRouteBuilderExtensions.MapAntimonyMonitoring"/>.
    /// </summary>
    public static IAntimonyBuilder AddMonitoring(this IAntimonyBuilder builder, Action<MonitoringOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddMonitoring(configure);
        return builder;
    }

    /// <summary>The same as <see cref="AddMonitoring(IAntimonyBuilder, Action{MonitoringOptions}?)"/>, on a plain service collection.</summary>
    public static IServiceCollection AddMonitoring(this IServiceCollection services, Action<MonitoringOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<MonitoringOptions>().BindConfiguration(MonitoringOptions.SectionName).ValidateOnStart()
            .Validate(o => o.ProbeInterval > TimeSpan.Zero && o.ResponsiveLag > TimeSpan.Zero && o.ErrorWindow > TimeSpan.Zero && o.MaxTipAge > TimeSpan.Zero,
                "Monitoring ProbeInterval, ResponsiveLag, ErrorWindow and MaxTipAge must be positive.")
            .Validate(o => o.RecentBlockCount is >= 1 and <= 1000, "Monitoring RecentBlockCount must be within [1, 1000].");
        if (configure is not null)
            options.Configure(configure);
        if (services.Any(d => d.ServiceType == typeof(PrometheusExporter)))
            return services;

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PrometheusExporter>();
        services.AddSingleton<RecentLogRecorder>();
        services.AddSingleton<ILoggerProvider>(sp => sp.GetRequiredService<RecentLogRecorder>());
        services.AddSingleton<ResponsivenessProbe>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ResponsivenessProbe>());
        services.AddSingleton<BlockArrivalLog>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<BlockArrivalLog>());
        services.AddSingleton<SyncState>();
        services.AddSingleton<HealthScore>();
        services.AddSingleton<MonitoringMetrics>();
        services.AddSingleton<NodeStatusWriter>();
        services.AddHealthChecks()
            .AddCheck<SyncedHealthCheck>("synced")
            .AddCheck<PeersHealthCheck>("peers")
            .AddCheck<RecentErrorsHealthCheck>("errors")
            .AddCheck<ResponsiveHealthCheck>("responsive");
        return services;
    }
}
