using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Antimony.Rpc.Monitoring.Health;

/// <summary>
/// Runs a responsiveness probe now: healthy within <see cref="MonitoringOptions.ResponsiveLag"/>, degraded up to
/// ten times that, unhealthy beyond (the process is too starved to serve its peers in time).
/// </summary>
public sealed class ResponsiveHealthCheck(ResponsivenessProbe probe, IOptions<MonitoringOptions> options) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var lag = await probe.ProbeAsync().ConfigureAwait(false);
        var bound = options.Value.ResponsiveLag;
        var data = new Dictionary<string, object> { ["lagMs"] = Math.Round(lag.TotalMilliseconds, 3) };
        string description = string.Create(CultureInfo.InvariantCulture, $"Thread-pool lag {lag.TotalMilliseconds:F1} ms (bound {bound.TotalMilliseconds:F0} ms).");
        return lag <= bound ? HealthCheckResult.Healthy(description, data)
            : lag <= 10 * bound ? HealthCheckResult.Degraded(description, data: data)
            : HealthCheckResult.Unhealthy(description, data: data);
    }
}
