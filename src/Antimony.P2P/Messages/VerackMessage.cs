using Antimony.P2P.Framing;
using Antimony.Primitives.Serialization;

namespace Antimony.P2P.Messages;

/// <summary>Acknowledges the peer's version message; the handshake is done when both sides have sent one.</summary>
public sealed class VerackMessage : INetworkMessage<VerackMessage>
{
    private VerackMessage()
    {
    }

    /// <summary>The message (it has no fields, so one instance serves).</summary>
    public static VerackMessage Instance { get; } = new();

    /// <summary>The command, "verack".</summary>
    public static MessageCommand CommandName { get; } = MessageCommand.FromName("verack");

    /// <summary>The payload is empty.</summary>
    public static int MaxPayloadLength => 0;

    /// <inheritdoc />
    public MessageCommand Command => CommandName;

    /// <inheritdoc />
    public int SerializedSize => 0;

    /// <inheritdoc />
    public void Write(ref ConsensusWriter writer)
    {
    }

    /// <summary>Reads the empty payload.</summary>
    public static VerackMessage Read(ref ConsensusReader reader) => Instance;

    /// <summary>The command.</summary>
    public override string ToString() => "verack";
}
