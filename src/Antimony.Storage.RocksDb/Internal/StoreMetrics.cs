using System.Diagnostics.Metrics;

namespace Antimony.Storage.RocksDb.Internal;

/// <summary>The store's instruments, on a meter from the host's <see cref="IMeterFactory"/> when there is one.</summary>
internal sealed class StoreMetrics : IDisposable
{
    /// <summary>The meter's name, for listeners and OpenTelemetry's AddMeter.</summary>
    public const string MeterName = "Antimony.Storage.RocksDb";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;

    public StoreMetrics(IMeterFactory? meterFactory)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        CacheHits = _meter.CreateCounter<long>("antimony.storage.coin_cache.hits", "{lookup}", "Coin lookups answered by the cache.");
        CacheMisses = _meter.CreateCounter<long>("antimony.storage.coin_cache.misses", "{lookup}", "Coin lookups that read RocksDB.");
        FlushCoins = _meter.CreateHistogram<long>("antimony.storage.flush.coins", "{coin}", "Coins written or deleted per flush.");
        FlushDuration = _meter.CreateHistogram<double>("antimony.storage.flush.duration", "s", "Time to write one flush batch.");
        BytesWritten = _meter.CreateCounter<long>("antimony.storage.bytes_written", "By", "Bytes of write batches handed to RocksDB.");
    }

    public Counter<long> CacheHits { get; }

    public Counter<long> CacheMisses { get; }

    public Histogram<long> FlushCoins { get; }

    public Histogram<double> FlushDuration { get; }

    public Counter<long> BytesWritten { get; }

    public void Dispose()
    {
        if (_ownsMeter)
            _meter.Dispose();
    }
}
