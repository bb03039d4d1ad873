namespace Antimony.P2P.Framing;

/// <summary>The outcome of one attempt to take a frame off a buffer, for the non-throwing decoder API.</summary>
public enum FrameDecodeStatus
{
    /// <summary>A whole frame was decoded and sliced off the buffer.</summary>
    Decoded,

    /// <summary>The buffer holds a valid prefix of a frame; wait for more bytes (nothing was consumed).</summary>
    NeedMoreData,

    /// <summary>The bytes break a protocol rule; the connection should be dropped.</summary>
    Violation,
}
