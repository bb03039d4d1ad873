using Antimony.P2P.Framing;
using Antimony.Primitives.Serialization;

namespace Antimony.P2P.Messages;

/// <summary>BIP130: asks the peer to announce new blocks with headers instead of inv (peers from version 70012).</summary>
public sealed class SendHeadersMessage : INetworkMessage<SendHeadersMessage>
{
    private SendHeadersMessage()
    {
    }

    /// <summary>The message (it has no fields, so one instance serves).</summary>
    public static SendHeadersMessage Instance { get; } = new();

    /// <summary>The command, "sendheaders".</summary>
    public static MessageCommand CommandName { get; } = MessageCommand.FromName("sendheaders");

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
    public static SendHeadersMessage Read(ref ConsensusReader reader) => Instance;

    /// <summary>The command.</summary>
    public override string ToString() => "sendheaders";
}
