using Antimony.P2P.Framing;

namespace Antimony.P2P.Messages;

/// <summary>One registered message type: command, payload limit and a decoder from payload bytes.</summary>
public abstract class MessageDescriptor
{
    private protected MessageDescriptor(MessageCommand command, int maxPayloadLength, Type messageType)
    {
        Command = command;
        MaxPayloadLength = maxPayloadLength;
        MessageType = messageType;
    }

    /// <summary>The command this descriptor decodes.</summary>
    public MessageCommand Command { get; }

    /// <summary>The largest payload the type allows (before the frame's global limit applies).</summary>
    public int MaxPayloadLength { get; }

    /// <summary>The CLR type of the decoded messages.</summary>
    public Type MessageType { get; }

    /// <summary>
    /// Decodes a whole payload. The decoded message never refers to <paramref name="payload"/>, so the caller
    /// may reuse the buffer at once.
    /// </summary>
    /// <exception cref="Antimony.Primitives.Serialization.DecodeException">The payload is malformed or has trailing bytes.</exception>
    public abstract INetworkMessage Decode(ReadOnlySpan<byte> payload);
}
