using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Antimony.P2P.Hosting;

/// <summary>The node's network instruments (meter <c>Antimony.P2P</c>).</summary>
internal sealed class PeerToPeerMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Antimony.P2P";

    private readonly Meter _meter;
    private readonly UpDownCounter<int> _peers;
    private readonly Counter<long> _messages;
    private readonly Counter<long> _bytes;
    private readonly Counter<long> _handshakes;
    private readonly Counter<long> _handshakeFailures;
    private readonly Counter<long> _discouraged;
    private readonly Histogram<double> _propagation;
    private readonly Histogram<double> _blockDelay;

    /// <summary>Creates the instruments from <paramref name="meterFactory"/>, or a private meter without one.</summary>
    public PeerToPeerMetrics(IMeterFactory? meterFactory)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _peers = _meter.CreateUpDownCounter<int>("antimony.p2p.peers", "{peer}", "Connected peers, by direction.");
        _messages = _meter.CreateCounter<long>("antimony.p2p.messages", "{message}", "Messages by command and direction.");
        _bytes = _meter.CreateCounter<long>("antimony.p2p.bytes", "By", "Frame bytes by command and direction.");
        _handshakes = _meter.CreateCounter<long>("antimony.p2p.handshakes", "{handshake}", "Handshakes completed, by direction (both ends of a link count one).");
        _handshakeFailures = _meter.CreateCounter<long>("antimony.p2p.handshake_failures", "{failure}", "Handshakes that failed.");
        _discouraged = _meter.CreateCounter<long>("antimony.p2p.discouraged", "{peer}", "Peers disconnected for misbehaviour.");
        _propagation = _meter.CreateHistogram<double>("antimony.p2p.block_propagation", "ms", "From a block's first announcement to its connection.");
        _blockDelay = _meter.CreateHistogram<double>("antimony.p2p.block_delay", "ms", "From a block's header time to the time this node first saw it (negative if the miner's clock is ahead).");
    }

    /// <summary>
    /// A peer connected (+1) or left (-1). A peer is added only once its version/verack exchange completed, so
    /// each +1 is also one completed handshake in <c>antimony.p2p.handshakes</c> (one place, so the two never drift).
    /// </summary>
    public void PeerCount(bool inbound, int delta)
    {
        var direction = new KeyValuePair<string, object?>("direction", inbound ? "in" : "out");
        _peers.Add(delta, direction);
        if (delta > 0)
            _handshakes.Add(delta, direction);
    }

    /// <summary>One message of <paramref name="command"/> and its frame size.</summary>
    public void Message(string command, bool sent, int frameBytes)
    {
        var tags = new TagList { { "command", command }, { "direction", sent ? "sent" : "received" } };
        _messages.Add(1, tags);
        _bytes.Add(frameBytes, tags);
    }

    /// <summary>A handshake failed.</summary>
    public void HandshakeFailed() => _handshakeFailures.Add(1);

    /// <summary>A peer misbehaved; <paramref name="discouraged"/> says whether its address was discouraged.</summary>
    public void Misbehaved(bool discouraged) => _discouraged.Add(1, new KeyValuePair<string, object?>("discouraged", discouraged));

    /// <summary>A block connected <paramref name="elapsed"/> after it was first announced.</summary>
    public void BlockPropagated(TimeSpan elapsed) => _propagation.Record(elapsed.TotalMilliseconds);

    /// <summary>
    /// A block first seen (announced or delivered) <paramref name="delay"/> after the time in its header: the
    /// network's propagation plus the miner's clock offset, recorded when the block connects.
    /// </summary>
    public void BlockDelayed(TimeSpan delay) => _blockDelay.Record(delay.TotalMilliseconds);

    /// <summary>Disposes the meter.</summary>
    public void Dispose() => _meter.Dispose();
}
