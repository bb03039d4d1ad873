namespace Antimony.Rpc.Monitoring.Metrics;

/// <summary>The Prometheus metric families an instrument maps to.</summary>
internal enum PrometheusMetricType
{
    /// <summary>A monotonic total (<c>Counter</c>, <c>ObservableCounter</c>).</summary>
    Counter,

    /// <summary>A value that goes up and down (gauges, up-down counters).</summary>
    Gauge,

    /// <summary>Cumulative buckets, a sum and a count (<c>Histogram</c>).</summary>
    Histogram,
}
