using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Antimony.Rpc.Monitoring.Health;

/// <summary>Healthy when nothing was logged at error level within <see cref="MonitoringOptions.ErrorWindow"/>; degraded otherwise.</summary>
public sealed class RecentErrorsHealthCheck(RecentLogRecorder log, IOptions<MonitoringOptions> options) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var window = options.Value.ErrorWindow;
        if (!log.HasErrorWithin(window))
            return Task.FromResult(HealthCheckResult.Healthy($"No error logged in the last {window.TotalMinutes:F0} min."));
        var last = log.Events.FirstOrDefault(e => e.Level >= LogLevel.Error);
        return Task.FromResult(HealthCheckResult.Degraded($"Error logged: {last?.Message}"));
    }
}
