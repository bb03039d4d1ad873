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

    public ConsensusMetrics(IMeterFactory? meterFactory)
    {
        // Without a host's factory the meter is still created, so listeners can attach by name.
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _blocksConnected = _meter.CreateCounter<long>("antimony.consensus.blocks_connected", "{block}", "Blocks connected to the active chain");
        _reorgDepth = _meter.CreateHistogram<int>("antimony.consensus.reorg_depth", "{block}", "Blocks disconnected by a reorganization");
        _validationLatency = _meter.CreateHistogram<double>("antimony.consensus.block_processing_duration", "ms", "Time to process one block, including activation");
        _rejects = _meter.CreateCounter<long>("antimony.consensus.rejects", "{object}", "Rejected headers and blocks by reason");
    }

    public void BlockConnected() => _blocksConnected.Add(1);

    public void Reorganized(int depth) => _reorgDepth.Record(depth);

    public void Processed(TimeSpan elapsed) => _validationLatency.Record(elapsed.TotalMilliseconds);

    public void Rejected(string code) => _rejects.Add(1, new TagList { { "reason", code } });

    public void Dispose()
    {
        if (_ownsMeter)
            _meter.Dispose();
    }
}
