namespace Antimony.P2P.Framing;

/// <summary>Sizes of the P2P v1 frame and the global payload limit of PROTOCOL.md.</summary>
public static class FrameLimits
{
    /// <summary>Magic (4) + command (12) + payload length (4) + checksum (4).</summary>
    public const int HeaderSize = 24;

    /// <summary>Bitcoin Core's MAX_PROTOCOL_MESSAGE_LENGTH, the floor of Antimony's limit.</summary>
    public const int DefaultMaxPayloadLength = 4_000_000;

    /// <summary>
    /// The payload limit for a network whose largest serialized block is <paramref name="maxBlockSize"/> bytes:
    /// 4,000,000, or the block size plus 1 MB when that is larger (PROTOCOL.md), so a full block always fits.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The size is negative or the limit would not fit in a frame.</exception>
    public static int ForMaxBlockSize(int maxBlockSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxBlockSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxBlockSize, int.MaxValue - 1_000_000 - HeaderSize);
        return Math.Max(DefaultMaxPayloadLength, maxBlockSize + 1_000_000);
    }
}
