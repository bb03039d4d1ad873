using System.Diagnostics.Metrics;

namespace Antimony.Mining.Service;

/// <summary>
/// The miner's instruments on meter <c>Antimony.Mining</c>: counters of hashes, blocks found and stale work,
/// and an observable gauge of the hash rate (hashes per second since the previous reading, at least a second apart).
/// </summary>
internal sealed class MinerMetrics : IDisposable
{
    public const string MeterName = "Antimony.Mining";

    private static readonly TimeSpan MinimumSamplePeriod = TimeSpan.FromSeconds(1);

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly TimeProvider _time;
    private readonly Counter<long> _hashes;
    private readonly Counter<long> _blocksFound;
    private readonly Counter<long> _stale;
    private readonly Lock _sampleLock = new();
    private long _totalHashes;
    private long _totalBlocks;
    private long _totalStale;
    private long _sampleTimestamp;
    private long _sampleHashes;
    private double _rate;

    public MinerMetrics(IMeterFactory? meterFactory, TimeProvider timeProvider)
    {
        // Without a host's factory the meter is still created, so listeners can attach by name.
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _time = timeProvider;
        _sampleTimestamp = timeProvider.GetTimestamp();
        _hashes = _meter.CreateCounter<long>("antimony.miner.hashes", "{hash}", "Block header hashes computed");
        _blocksFound = _meter.CreateCounter<long>("antimony.miner.blocks_found", "{block}", "Blocks found and accepted by the chain state");
        _stale = _meter.CreateCounter<long>("antimony.miner.stale", "{job}", "Work abandoned because the tip moved, and found blocks left on a side chain");
        _meter.CreateObservableGauge("antimony.miner.hash_rate", () => HashRate, "{hash}/s", "Hashes per second over the last sampling period");
    }

    public long TotalHashes => Interlocked.Read(ref _totalHashes);

    public long BlocksFound => Interlocked.Read(ref _totalBlocks);

    public long Stale => Interlocked.Read(ref _totalStale);

    public double HashRate
    {
        get
        {
            lock (_sampleLock)
            {
                var elapsed = _time.GetElapsedTime(_sampleTimestamp);
                if (elapsed >= MinimumSamplePeriod)
                {
                    long total = TotalHashes;
                    _rate = (total - _sampleHashes) / elapsed.TotalSeconds;
                    _sampleHashes = total;
                    _sampleTimestamp = _time.GetTimestamp();
                }
                return _rate;
            }
        }
    }

    public void Hashed(ulong count)
    {
        Interlocked.Add(ref _totalHashes, (long)count);
        _hashes.Add((long)count);
    }

    public void BlockFound()
    {
        Interlocked.Increment(ref _totalBlocks);
        _blocksFound.Add(1);
    }

    public void StaleWork()
    {
        Interlocked.Increment(ref _totalStale);
        _stale.Add(1);
    }

    public void Dispose()
    {
        if (_ownsMeter)
            _meter.Dispose();
    }
}
