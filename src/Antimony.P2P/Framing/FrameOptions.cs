using Antimony.P2P.Messages;

namespace Antimony.P2P.Framing;

/// <summary>What a connection's frame codec checks: the network's magic, the payload limit and the known commands.</summary>
public sealed record FrameOptions
{
    /// <summary>
    /// The network's four magic bytes read as a little-endian integer (btcd's convention: bytes
    /// <c>f9 be b4 d9</c> are 0xD9B4BEF9). Each Antimony network's value is a constant of its network description.
    /// </summary>
    public required uint Magic { get; init; }

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

    /// <summary>The largest whole frame: header plus the largest payload.</summary>
    public long MaxFrameLength => FrameLimits.HeaderSize + (long)MaxPayloadLength;
}
