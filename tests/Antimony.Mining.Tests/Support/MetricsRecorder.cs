using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Antimony.Mining.Tests.Support;

/// <summary>Records the miner's measurements from one host's meter factory (other tests' hosts are ignored).</summary>
internal sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _sums = new();
    private readonly ConcurrentDictionary<string, double> _last = new();

    public MetricsRecorder(IMeterFactory factory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Antimony.Mining" && ReferenceEquals(instrument.Meter.Scope, factory))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _sums.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => _last[instrument.Name] = value);
        _listener.Start();
    }

    public void Collect() => _listener.RecordObservableInstruments();

    public long Sum(string name) => _sums.GetValueOrDefault(name);

    public double Last(string name) => _last.TryGetValue(name, out var value) ? value : double.NaN;

    public void Dispose() => _listener.Dispose();
}
