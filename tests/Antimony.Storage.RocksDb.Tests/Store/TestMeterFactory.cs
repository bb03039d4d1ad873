using System.Diagnostics.Metrics;

namespace Antimony.Storage.RocksDb.Tests.Store;

/// <summary>A minimal <see cref="IMeterFactory"/> (the real one lives in a package the tests do not need).</summary>
internal sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
        lock (_meters)
            _meters.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        lock (_meters)
        {
            foreach (var meter in _meters)
                meter.Dispose();
        }
    }
}
