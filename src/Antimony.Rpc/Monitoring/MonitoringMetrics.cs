using System.Diagnostics.Metrics;

namespace Antimony.Rpc.Monitoring;

/// <summary>The monitoring layer's own instruments (meter <c>Antimony.Node</c>): the health score and its parts, as gauges.</summary>
internal sealed class MonitoringMetrics : IDisposable
{
    public const string MeterName = "Antimony.Node";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;

    public MonitoringMetrics(HealthScore health, IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _meter.CreateObservableGauge("antimony.node.health_score", () => health.Evaluate().Score, "{point}", "Health score 0-100 (running, connections, error-free, responsive; 25 each)");
    }

    public void Dispose()
    {
        if (_ownsMeter)
            _meter.Dispose();
    }
}
