using Antimony.P2P.Connections;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Antimony.Rpc.Monitoring;

/// <summary>
/// The original product's health score, 0 to 100 in four measurable parts of 25: the host is running,
/// peer connections succeed (share of successful handshakes), the node is error-free (no error-level log in
/// <see cref="MonitoringOptions.ErrorWindow"/>) and responsive (thread-pool lag measured by
/// <see cref="ResponsivenessProbe"/>). Shown in <c>/status</c>, <c>getnetworkinfo</c> and as a metric.
/// </summary>
public sealed class HealthScore(
    RecentLogRecorder log,
    ResponsivenessProbe probe,
    IOptions<MonitoringOptions> options,
    IHostApplicationLifetime? lifetime = null,
    PeerNetwork? network = null)
{
    /// <summary>Evaluates the score now.</summary>
    public HealthScoreReport Evaluate()
    {
        const int part = HealthScoreReport.PartMaximum;
        var settings = options.Value;
        bool running = lifetime is null || (lifetime.ApplicationStarted.IsCancellationRequested && !lifetime.ApplicationStopping.IsCancellationRequested);

        int connections = ConnectionsPart(network?.HandshakesSucceeded ?? 0, network?.HandshakesFailed ?? 0);

        int errorFree = log.HasErrorWithin(settings.ErrorWindow) ? 0 : part;

        return new HealthScoreReport(running ? part : 0, connections, errorFree, Responsiveness(settings));
    }

    /// <summary>The connections part: the share of handshakes that succeeded (full marks before any attempt).</summary>
    internal static int ConnectionsPart(long succeeded, long failed) =>
        succeeded + failed == 0 ? HealthScoreReport.PartMaximum : (int)Math.Round(HealthScoreReport.PartMaximum * (double)succeeded / (succeeded + failed));

    private int Responsiveness(MonitoringOptions settings)
    {
        const int part = HealthScoreReport.PartMaximum;
        // A probe that has not come back for three intervals is itself a sign the process is stuck.
        if (probe.SinceLastProbe is { } since && since > 3 * settings.ProbeInterval + settings.ResponsiveLag)
            return 0;
        if (probe.LastLag is not { } lag || lag <= settings.ResponsiveLag)
            return part;
        double worst = settings.ResponsiveLag.TotalMilliseconds * 10;
        double share = 1 - (lag.TotalMilliseconds - settings.ResponsiveLag.TotalMilliseconds) / (worst - settings.ResponsiveLag.TotalMilliseconds);
        return (int)Math.Round(part * Math.Clamp(share, 0, 1));
    }
}
