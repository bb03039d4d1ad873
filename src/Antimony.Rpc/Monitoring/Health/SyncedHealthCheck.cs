using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Antimony.Rpc.Monitoring.Health;

/// <summary>Healthy when the tip is recent and no peer is ahead; degraded while the node catches up.</summary>
public sealed class SyncedHealthCheck(SyncState sync) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["height"] = sync.Chain.Tip.Height,
            ["bestHeaderHeight"] = sync.BestHeaderHeight,
            ["tipAgeSeconds"] = Math.Round(sync.TipAge.TotalSeconds, 1),
        };
        var result = sync.IsSynced
            ? HealthCheckResult.Healthy("The tip is recent and no peer is ahead.", data)
            : HealthCheckResult.Degraded(string.Create(CultureInfo.InvariantCulture, $"Catching up: tip at {sync.Chain.Tip.Height} is {sync.TipAge.TotalMinutes:F0} min old, best known header {sync.BestHeaderHeight}."), data: data);
        return Task.FromResult(result);
    }
}
