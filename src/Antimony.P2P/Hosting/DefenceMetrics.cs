using System.Diagnostics;
using System.Diagnostics.Metrics;
using Antimony.P2P.Defences;

namespace Antimony.P2P.Hosting;

/// <summary>
/// The defences' instruments on the <c>Antimony.P2P</c> meter: misbehaviour by reason and operator bans.
/// (Separate from <see cref="PeerToPeerMetrics"/>, whose <c>antimony.p2p.discouraged</c> counter stays as it was.)
/// </summary>
internal sealed class DefenceMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly bool _owned;
    private readonly Counter<long> _misbehaviour;
    private readonly Counter<long> _bans;

    /// <summary>Creates the instruments from <paramref name="meterFactory"/> (the same meter as the other P2P instruments), or a private meter without one.</summary>
    public DefenceMetrics(IMeterFactory? meterFactory)
    {
        _owned = meterFactory is null;
        _meter = meterFactory?.Create(PeerToPeerMetrics.MeterName) ?? new Meter(PeerToPeerMetrics.MeterName);
        _misbehaviour = _meter.CreateCounter<long>("antimony.p2p.misbehaviour", "{peer}", "Peers disconnected for misbehaviour, by reason and whether the address was discouraged.");
        _bans = _meter.CreateCounter<long>("antimony.p2p.bans", "{ban}", "Operator bans added, by kind (address or endpoint).");
    }

    /// <summary>A peer misbehaved for <paramref name="reason"/>.</summary>
    public void Misbehaved(MisbehaviourReason reason, bool discouraged) =>
        _misbehaviour.Add(1, new TagList { { "reason", reason.ToString() }, { "discouraged", discouraged } });

    /// <summary>The operator banned an address or an endpoint.</summary>
    public void Banned(bool endPoint) => _bans.Add(1, new KeyValuePair<string, object?>("kind", endPoint ? "endpoint" : "address"));

    /// <summary>Disposes a private meter (a factory's meter is the factory's to dispose).</summary>
    public void Dispose()
    {
        if (_owned)
            _meter.Dispose();
    }
}
