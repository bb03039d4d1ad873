namespace Antimony.Simulation.Network;

/// <summary>
/// A node's upload link: one first-in first-out serialiser shared by all its connections (the bottleneck of a
/// real node's NIC). A message starts when the previous one has left, takes <c>bytes / bandwidth</c> to put on
/// the wire, and arrives one propagation delay after its last byte left.
/// </summary>
internal sealed class Uplink
{
    private readonly long _bitsPerSecond;
    private long _busyUntil;

    /// <summary>An idle uplink of <paramref name="bitsPerSecond"/>.</summary>
    public Uplink(long bitsPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bitsPerSecond);
        _bitsPerSecond = bitsPerSecond;
    }

    /// <summary>The serialisation delay of <paramref name="bytes"/> in ticks (rounded up, so a byte is never free).</summary>
    public long SerialisationTicks(long bytes) => (bytes * 8 * TimeSpan.TicksPerSecond + _bitsPerSecond - 1) / _bitsPerSecond;

    /// <summary>
    /// Queues <paramref name="bytes"/> at <paramref name="now"/> (ticks) and returns when they arrive at a peer
    /// <paramref name="latencyTicks"/> away.
    /// </summary>
    public long Transmit(long now, long bytes, long latencyTicks)
    {
        long start = Math.Max(now, _busyUntil);
        _busyUntil = start + SerialisationTicks(bytes);
        return _busyUntil + latencyTicks;
    }
}
