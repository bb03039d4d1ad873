using System.Diagnostics.Metrics;
using System.Text;

namespace Antimony.Rpc.Monitoring.Metrics;

/// <summary>
/// The aggregated measurements of one instrument, one cell per label set: a running sum for counters and
/// up-down counters, the last value for gauges and observable instruments, buckets for histograms.
/// </summary>
internal sealed class InstrumentSeries
{
    // OpenTelemetry's default explicit bucket boundaries, for instruments that give no advice.
    private static readonly double[] DefaultBounds = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];
    private static readonly double[] SecondBounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Lock _lock = new();
    private readonly Dictionary<string, double> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HistogramCell> _histograms = new(StringComparer.Ordinal);

    public InstrumentSeries(Instrument instrument)
    {
        Instrument = instrument;
        string kind = instrument.GetType().Name;
        Type = kind switch
        {
            "Counter`1" or "ObservableCounter`1" => PrometheusMetricType.Counter,
            "Histogram`1" => PrometheusMetricType.Histogram,
            _ => PrometheusMetricType.Gauge,
        };
        // Synchronous counters report increments; observable instruments and gauges report the current value.
        Accumulates = kind is "Counter`1" or "UpDownCounter`1";
        Name = PrometheusNames.Metric(instrument.Name, instrument.Unit, Type == PrometheusMetricType.Counter);
        Bounds = Type == PrometheusMetricType.Histogram ? AdvisedBounds(instrument) ?? (instrument.Unit == "s" ? SecondBounds : DefaultBounds) : [];
    }

    /// <summary>The instrument.</summary>
    public Instrument Instrument { get; }

    /// <summary>The Prometheus name.</summary>
    public string Name { get; }

    /// <summary>The Prometheus type.</summary>
    public PrometheusMetricType Type { get; }

    /// <summary>Whether measurements are increments (else each replaces the value).</summary>
    public bool Accumulates { get; }

    /// <summary>The histogram's upper bucket bounds, ascending, without +Inf.</summary>
    public double[] Bounds { get; }

    /// <summary>Adds one measurement.</summary>
    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string labels = LabelText(tags);
        lock (_lock)
        {
            if (Type == PrometheusMetricType.Histogram)
            {
                if (!_histograms.TryGetValue(labels, out var cell))
                    _histograms[labels] = cell = new HistogramCell(Bounds.Length + 1);
                cell.Record(Bounds, value);
            }
            else if (Accumulates)
            {
                _values[labels] = _values.GetValueOrDefault(labels) + value;
            }
            else
            {
                _values[labels] = value;
            }
        }
    }

    /// <summary>Forgets the values of an observable instrument before it is observed again (label sets may vanish).</summary>
    public void ClearObserved()
    {
        if (!Instrument.IsObservable)
            return;
        lock (_lock)
            _values.Clear();
    }

    /// <summary>A copy of the value cells (label text to value).</summary>
    public List<KeyValuePair<string, double>> Values()
    {
        lock (_lock)
            return [.. _values];
    }

    /// <summary>A copy of the histogram cells (label text to counts per bucket, sum and count).</summary>
    public List<(string Labels, long[] Counts, double Sum, long Count)> Histograms()
    {
        lock (_lock)
            return [.. _histograms.Select(p => (p.Key, (long[])p.Value.Counts.Clone(), p.Value.Sum, p.Value.Count))];
    }

    /// <summary>The label text <c>a="x",b="y"</c> of a tag set, sorted by label name so equal sets meet.</summary>
    internal static string LabelText(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
            return "";
        var pairs = new KeyValuePair<string, string>[tags.Length];
        for (int i = 0; i < tags.Length; i++)
            pairs[i] = new(PrometheusNames.Label(tags[i].Key), PrometheusText.TagValue(tags[i].Value));
        Array.Sort(pairs, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var builder = new StringBuilder();
        foreach (var (key, value) in pairs)
        {
            if (builder.Length > 0)
                builder.Append(',');
            builder.Append(key).Append("=\"");
            PrometheusText.AppendLabelValue(builder, value);
            builder.Append('"');
        }
        return builder.ToString();
    }

    private static double[]? AdvisedBounds(Instrument instrument) => instrument switch
    {
        Histogram<double> h => h.Advice?.HistogramBucketBoundaries?.ToArray(),
        Histogram<float> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
        Histogram<long> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
        Histogram<int> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
        _ => null,
    };

    /// <summary>One label set's histogram: a count per bucket (not cumulative; the last is +Inf), sum and count.</summary>
    private sealed class HistogramCell(int buckets)
    {
        public long[] Counts { get; } = new long[buckets];

        public double Sum { get; private set; }

        public long Count { get; private set; }

        public void Record(double[] bounds, double value)
        {
            // Prometheus buckets are upper-inclusive: le="5" counts values <= 5.
            int index = Array.BinarySearch(bounds, value);
            if (index < 0)
                index = ~index;
            Counts[index]++;
            Sum += value;
            Count++;
        }
    }
}
