using Antimony.P2P.Framing;
using Antimony.Primitives.Serialization;

namespace Antimony.P2P.Messages;

/// <summary>
/// A well-framed message whose command is not registered. Bitcoin Core ignores such messages (new features
/// arrive as new commands), so the decoder hands them up instead of failing; the payload is kept (a copy)
/// so a relay or an extension can still look at it.
/// </summary>
public sealed class UnknownMessage : INetworkMessage
{
    /// <summary>Creates the message.</summary>
    public UnknownMessage(MessageCommand command, ReadOnlyMemory<byte> payload)
    {
        Command = command;
        Payload = payload;
    }

    /// <inheritdoc />
    public MessageCommand Command { get; }

    /// <summary>The undecoded payload.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <inheritdoc />
    public int SerializedSize => Payload.Length;

    /// <inheritdoc />
    public void Write(ref ConsensusWriter writer) => writer.WriteBytes(Payload.Span);

    /// <summary>Command and size, for logs.</summary>
    public override string ToString() => $"{Command} (unknown, {Payload.Length} bytes)";
}
