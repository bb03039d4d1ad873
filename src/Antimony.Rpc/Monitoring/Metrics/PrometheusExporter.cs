using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;

namespace Antimony.Rpc.Monitoring.Metrics;

/// <summary>
/// Listens to every instrument of every meter whose name starts with <c>Antimony.</c> (the libraries' meters,
/// wherever they were created) and writes their current values in the Prometheus text exposition format 0.0.4,
/// followed by the process's resident memory and CPU time. No exporter package: a <see cref="MeterListener"/>
/// aggregates in process, and a scrape reads the aggregates.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    /// <summary>The meter name prefix exported.</summary>
    public const string MeterPrefix = "Antimony.";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentSeries> _series = new();
    private readonly Lock _scrapeLock = new();

    /// <summary>Starts listening; instruments created before and after are both seen.</summary>
    public PrometheusExporter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (!instrument.Meter.Name.StartsWith(MeterPrefix, StringComparison.Ordinal))
                return;
            var series = new InstrumentSeries(instrument);
            _series[instrument] = series;
            listener.EnableMeasurementEvents(instrument, series);
        };
        _listener.MeasurementsCompleted = (instrument, _) => _series.TryRemove(instrument, out InstrumentSeries? _);
        _listener.SetMeasurementEventCallback<byte>((i, v, tags, state) => ((InstrumentSeries)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<short>((i, v, tags, state) => ((InstrumentSeries)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, state) => ((InstrumentSeries)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<long>((i, v, tags, state) => ((InstrumentSeries)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<float>((i, v, tags, state) => ((InstrumentSeries)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, state) => ((InstrumentSeries)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<decimal>((i, v, tags, state) => ((InstrumentSeries)state!).Record((double)v, tags));
        _listener.Start();
    }

    /// <summary>The content type of <see cref="Scrape"/>'s text.</summary>
    public static string ContentType => PrometheusText.ContentType;

    /// <summary>Observes the observable instruments and returns every metric as exposition text.</summary>
    public string Scrape()
    {
        var text = new StringBuilder(4096);
        lock (_scrapeLock)
        {
            foreach (var series in _series.Values)
                series.ClearObserved();
            _listener.RecordObservableInstruments();
            // One family per name; a second instrument of another type under the same name is left out,
            // since a name may carry one TYPE only.
            foreach (var family in _series.Values.GroupBy(s => s.Name, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var first = family.First();
                var members = family.Where(s => s.Type == first.Type && s.Bounds.AsSpan().SequenceEqual(first.Bounds)).ToList();
                WriteHeader(text, first.Name, first.Instrument.Description, first.Type);
                if (first.Type == PrometheusMetricType.Histogram)
                    WriteHistogram(text, first.Name, first.Bounds, members);
                else
                    WriteValues(text, first.Name, members);
            }
        }
        WriteProcess(text);
        return text.ToString();
    }

    /// <summary>Stops listening.</summary>
    public void Dispose() => _listener.Dispose();

    private static void WriteHeader(StringBuilder text, string name, string? help, PrometheusMetricType type)
    {
        text.Append("# HELP ").Append(name).Append(' ').Append(PrometheusText.Help(help)).Append('\n');
        text.Append("# TYPE ").Append(name).Append(' ').Append(type switch
        {
            PrometheusMetricType.Counter => "counter",
            PrometheusMetricType.Histogram => "histogram",
            _ => "gauge",
        }).Append('\n');
    }

    private static void WriteValues(StringBuilder text, string name, List<InstrumentSeries> members)
    {
        // Cells of equal labels from several instruments of one name (e.g. two meters of the same name) add up.
        var merged = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            foreach (var (labels, value) in member.Values())
                merged[labels] = merged.GetValueOrDefault(labels) + value;
        }
        foreach (var (labels, value) in merged)
            WriteSample(text, name, labels, null, value);
    }

    private static void WriteHistogram(StringBuilder text, string name, double[] bounds, List<InstrumentSeries> members)
    {
        var merged = new SortedDictionary<string, (long[] Counts, double Sum, long Count)>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            foreach (var (labels, counts, sum, count) in member.Histograms())
            {
                if (merged.TryGetValue(labels, out var existing))
                {
                    for (int i = 0; i < counts.Length; i++)
                        existing.Counts[i] += counts[i];
                    merged[labels] = (existing.Counts, existing.Sum + sum, existing.Count + count);
                }
                else
                {
                    merged[labels] = (counts, sum, count);
                }
            }
        }
        foreach (var (labels, (counts, sum, count)) in merged)
        {
            long cumulative = 0;
            for (int i = 0; i < bounds.Length; i++)
            {
                cumulative += counts[i];
                WriteSample(text, name + "_bucket", labels, PrometheusText.Number(bounds[i]), cumulative);
            }
            WriteSample(text, name + "_bucket", labels, "+Inf", count);
            WriteSample(text, name + "_sum", labels, null, sum);
            WriteSample(text, name + "_count", labels, null, count);
        }
    }

    private static void WriteSample(StringBuilder text, string name, string labels, string? le, double value)
    {
        text.Append(name);
        if (labels.Length > 0 || le is not null)
        {
            text.Append('{').Append(labels);
            if (le is not null)
                text.Append(labels.Length > 0 ? "," : "").Append("le=\"").Append(le).Append('"');
            text.Append('}');
        }
        text.Append(' ').Append(PrometheusText.Number(value)).Append('\n');
    }

    // The standard process metrics of Prometheus client libraries, so dashboards find the footprint under usual names.
    private static void WriteProcess(StringBuilder text)
    {
        using var process = Process.GetCurrentProcess();
        WriteHeader(text, "process_resident_memory_bytes", "Resident memory size in bytes.", PrometheusMetricType.Gauge);
        WriteSample(text, "process_resident_memory_bytes", "", null, Environment.WorkingSet);
        WriteHeader(text, "process_cpu_seconds_total", "Total user and system CPU time spent in seconds.", PrometheusMetricType.Counter);
        WriteSample(text, "process_cpu_seconds_total", "", null, process.TotalProcessorTime.TotalSeconds);
        WriteHeader(text, "process_start_time_seconds", "Start time of the process since unix epoch in seconds.", PrometheusMetricType.Gauge);
        WriteSample(text, "process_start_time_seconds", "", null, new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0);
    }
}
