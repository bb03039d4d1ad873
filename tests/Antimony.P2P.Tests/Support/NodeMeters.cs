using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Antimony.P2P.Tests.Support;

/// <summary>
/// One node's metrics: the node's <see cref="IMeterFactory"/> (every meter it creates is scoped to this object)
/// and a <see cref="MeterListener"/> that listens to those meters only, so nodes sharing a process are told apart.
/// Counters are summed by instrument and tags; histogram values are kept in arrival order.
/// </summary>
internal sealed class NodeMeters : IMeterFactory
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentBag<Meter> _meters = [];
    private readonly ConcurrentDictionary<string, long> _totals = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> _values = new();

    public NodeMeters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, this))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
            _values.GetOrAdd(instrument.Name, _ => new ConcurrentQueue<double>()).Enqueue(value));
        _listener.Start();
    }

    /// <summary>The sum of a counter's measurements with exactly these tags (e.g. <c>("direction", "in")</c>).</summary>
    public long Total(string instrument, params (string Key, string Value)[] tags) =>
        _totals.GetValueOrDefault(Key(instrument, tags.Select(t => new KeyValuePair<string, object?>(t.Key, t.Value))));

    /// <summary>The values a histogram recorded so far.</summary>
    public double[] Values(string instrument) => _values.TryGetValue(instrument, out var values) ? [.. values] : [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        _listener.Dispose();
        foreach (var meter in _meters)
            meter.Dispose();
    }

    private void Add(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _totals.AddOrUpdate(Key(instrument.Name, tags.ToArray()), value, (_, old) => old + value);

    private static string Key(string instrument, IEnumerable<KeyValuePair<string, object?>> tags) =>
        string.Join('|', tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}").Prepend(instrument));
}
