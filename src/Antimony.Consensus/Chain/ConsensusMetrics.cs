using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Antimony.Consensus.Chain;

/// <summary>The chain state's instruments on the "Antimony.Consensus" meter.</summary>
internal sealed class ConsensusMetrics : IDisposable
{
    public const string MeterName = "Antimony.Consensus";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _blocksConnected;
    private readonly Histogram<int> _reorgDepth;
    private readonly Histogram<double> _validationLatency;
    private readonly Counter<long> _rejects;
    private readonly Counter<long> _transactionsConnected;
    private readonly Counter<long> _reorgs;

    public ConsensusMetrics(IMeterFactory? meterFactory, Func<int> height, Func<int> headers)
    {
        // Without a host's factory the meter is still created, so listeners can attach by name.
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _blocksConnected = _meter.CreateCounter<long>("antimony.consensus.blocks_connected", "{block}", "Blocks connected to the active chain");
        _transactionsConnected = _meter.CreateCounter<long>("antimony.consensus.transactions_connected", "{transaction}", "Transactions in blocks connected to the active chain (coinbases included)");
        _reorgs = _meter.CreateCounter<long>("antimony.consensus.reorgs", "{reorganization}", "Reorganizations (activations that disconnected blocks)");
        // Reorganizations are mostly one or two blocks deep; the default buckets (0, 5, 10, ...) would hide that.
        _reorgDepth = _meter.CreateHistogram("antimony.consensus.reorg_depth", "{block}", "Blocks disconnected by a reorganization",
            tags: null, advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 3, 4, 6, 10, 20, 50, 100] });
        _meter.CreateObservableGauge("antimony.consensus.height", height, "{block}", "Height of the active chain's tip");
        _meter.CreateObservableGauge("antimony.consensus.headers", headers, "{header}", "Headers known, on every branch");
        _validationLatency = _meter.CreateHistogram<double>("antimony.consensus.block_processing_duration", "ms", "Time to process one block, including activation");
        _rejects = _meter.CreateCounter<long>("antimony.consensus.rejects", "{object}", "Rejected headers and blocks by reason");
    }

    public void BlockConnected(int transactions)
    {
        _blocksConnected.Add(1);
        _transactionsConnected.Add(transactions);
    }

    public void Reorganized(int depth)
    {
        _reorgs.Add(1);
        _reorgDepth.Record(depth);
    }

    public void Processed(TimeSpan elapsed) => _validationLatency.Record(elapsed.TotalMilliseconds);

    public void Rejected(string code) => _rejects.Add(1, new TagList { { "reason", code } });

    public void Dispose()
    {
        if (_ownsMeter)
            _meter.Dispose();
    }
}
