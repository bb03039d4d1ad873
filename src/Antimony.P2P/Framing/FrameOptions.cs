using Antimony.P2P.Messages;
using Antimony.Primitives.Networks;

namespace Antimony.P2P.Framing;

/// <summary>What a connection's frame codec checks: the network's magic, the payload limit and the known commands.</summary>
public sealed record FrameOptions
{
    /// <summary>The network's four magic bytes, the first field of every frame.</summary>
    public required NetworkMagic Magic { get; init; }

    /// <summary>
    /// The largest payload accepted or sent: <see cref="FrameLimits.DefaultMaxPayloadLength"/>, or
    /// <see cref="FrameLimits.ForMaxBlockSize"/> for networks with larger blocks.
    /// </summary>
    public int MaxPayloadLength { get; init; } = FrameLimits.DefaultMaxPayloadLength;

    /// <summary>The commands that are decoded; others become <see cref="UnknownMessage"/> or a violation.</summary>
    public MessageRegistry Registry { get; init; } = MessageRegistry.Default;

    /// <summary>
    /// Whether an unregistered command is a <see cref="ProtocolViolation.UnknownCommand"/>. Off by default:
    /// Bitcoin Core ignores unknown commands so that new features can be introduced as new messages.
    /// </summary>
    public bool RejectUnknownCommands { get; init; }

    /// <summary>
    /// The options for one of the networks: its magic and the payload limit for its largest serialized block
    /// (<see cref="FrameLimits.ForMaxBlockSize"/>; 4,000,000 bytes when the block size is not above 3 MB).
    /// </summary>
    public static FrameOptions For(Network network, int maxBlockSize = 0)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new FrameOptions { Magic = network.Magic, MaxPayloadLength = FrameLimits.ForMaxBlockSize(maxBlockSize) };
    }

    /// <summary>The largest whole frame: header plus the largest payload.</summary>
    public long MaxFrameLength => FrameLimits.HeaderSize + (long)MaxPayloadLength;
}
