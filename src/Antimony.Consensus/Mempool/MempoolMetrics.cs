using System.Diagnostics;
using System.Diagnostics.Metrics;
using Antimony.Consensus.Events;

namespace Antimony.Consensus.Mempool;

/// <summary>The mempool's instruments on the "Antimony.Mempool" meter.</summary>
internal sealed class MempoolMetrics : IDisposable
{
    public const string MeterName = "Antimony.Mempool";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _removed;

    public MempoolMetrics(IMeterFactory? meterFactory, Func<int> count, Func<long> bytes, Func<int> orphans)
    {
        // Without a host's factory the meter is still created, so listeners can attach by name.
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _meter.CreateObservableGauge("antimony.mempool.transactions", count, "{transaction}", "Transactions in the mempool");
        _meter.CreateObservableGauge("antimony.mempool.bytes", bytes, "By", "Serialized size of the mempool's transactions");
        _meter.CreateObservableGauge("antimony.mempool.orphans", orphans, "{transaction}", "Transactions waiting for a missing parent");
        _accepted = _meter.CreateCounter<long>("antimony.mempool.accepted", "{transaction}", "Transactions accepted into the mempool");
        _rejected = _meter.CreateCounter<long>("antimony.mempool.rejected", "{transaction}", "Transactions refused or orphaned, by reason code");
        _removed = _meter.CreateCounter<long>("antimony.mempool.removed", "{transaction}", "Transactions removed from the mempool, by reason");
    }

    public void Accepted() => _accepted.Add(1);

    public void Rejected(string code) => _rejected.Add(1, new TagList { { "reason", code } });

    public void Removed(TransactionRemovalReason reason, int count) => _removed.Add(count, new TagList { { "reason", reason.ToString() } });

    public void Dispose()
    {
        if (_ownsMeter)
            _meter.Dispose();
    }
}
