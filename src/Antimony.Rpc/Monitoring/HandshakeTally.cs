using System.Diagnostics.Metrics;

namespace Antimony.Rpc.Monitoring;

/// <summary>
/// Counts completed and failed peer handshakes from the P2P layer's instruments (a peer joining the
/// <c>antimony.p2p.peers</c> count has completed its handshake; <c>antimony.p2p.handshake_failures</c> counts
/// the rest), so the health score does not depend on the P2P package's internals.
/// </summary>
public sealed class HandshakeTally : IDisposable
{
    private const string PeersInstrument = "antimony.p2p.peers";
    private const string FailuresInstrument = "antimony.p2p.handshake_failures";

    private readonly MeterListener _listener = new();
    private long _succeeded;
    private long _failed;

    /// <summary>Starts listening.</summary>
    public HandshakeTally()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Antimony.P2P" && instrument.Name is PeersInstrument or FailuresInstrument)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => Count(instrument.Name, value));
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Count(instrument.Name, value));
        _listener.Start();
    }

    /// <summary>Handshakes completed since start.</summary>
    public long Succeeded => Interlocked.Read(ref _succeeded);

    /// <summary>Handshakes failed since start.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Stops listening.</summary>
    public void Dispose() => _listener.Dispose();

    private void Count(string instrument, long value)
    {
        if (instrument == FailuresInstrument)
            Interlocked.Add(ref _failed, value);
        else if (value > 0)
            Interlocked.Add(ref _succeeded, value);
    }
}
