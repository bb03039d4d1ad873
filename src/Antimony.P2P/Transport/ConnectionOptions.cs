using System.Buffers;
using Antimony.P2P.Framing;

namespace Antimony.P2P.Transport;

/// <summary>
/// Settings of one connection: its frame codec and the pipes' backpressure thresholds (Kestrel's
/// pause/resume pattern). The inbound pipe pauses the socket reader when this many bytes wait to be decoded;
/// it must hold a whole frame of the largest size, or such a frame could never complete and the connection
/// would stall, so by default it is the largest frame plus one segment.
/// </summary>
public sealed record ConnectionOptions
{
    /// <summary>The frame codec's settings (network magic, payload limit, registry).</summary>
    public required FrameOptions Frame { get; init; }

    /// <summary>
    /// Unconsumed inbound bytes at which the socket reader pauses; null means the largest frame plus
    /// <see cref="MinimumSegmentSize"/>. A value not larger than the largest frame is rejected.
    /// </summary>
    public long? InputPauseThreshold { get; init; }

    /// <summary>
    /// Unsent outbound bytes at which <see cref="IMessageConnection.SendAsync"/> waits (a frame larger than this
    /// is still written whole, then the send waits for it to drain). 1 MiB by default.
    /// </summary>
    public long OutputPauseThreshold { get; init; } = 1024 * 1024;

    /// <summary>The size of the pipes' buffers, and of each socket read. 16 KiB by default.</summary>
    public int MinimumSegmentSize { get; init; } = 16 * 1024;

    /// <summary>How long a graceful close may wait for queued bytes to drain and for the peer to close its side before aborting.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The pool the pipes rent from; null for the shared pool.</summary>
    public MemoryPool<byte>? MemoryPool { get; init; }

    /// <summary>The inbound pause threshold in effect.</summary>
    public long EffectiveInputPauseThreshold => InputPauseThreshold ?? Frame.MaxFrameLength + MinimumSegmentSize;

    /// <summary>Checks that the thresholds cannot stall a connection.</summary>
    /// <exception cref="ArgumentException">A threshold or size is out of range.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Frame);
        if (EffectiveInputPauseThreshold <= Frame.MaxFrameLength)
            throw new ArgumentException($"The input pause threshold ({EffectiveInputPauseThreshold}) must exceed the largest frame ({Frame.MaxFrameLength}), or a large frame stalls the connection.");
        if (OutputPauseThreshold < 1)
            throw new ArgumentException("The output pause threshold must be positive.");
        if (MinimumSegmentSize < 256)
            throw new ArgumentException("The minimum segment size must be at least 256 bytes.");
        if (CloseTimeout <= TimeSpan.Zero)
            throw new ArgumentException("The close timeout must be positive.");
    }
}
