using Antimony.Primitives.Serialization;

namespace Antimony.P2P.Messages;

/// <summary>The descriptor of one statically typed message.</summary>
internal sealed class MessageDescriptor<TMessage>() : MessageDescriptor(TMessage.CommandName, TMessage.MaxPayloadLength, typeof(TMessage))
    where TMessage : INetworkMessage<TMessage>
{
    public override INetworkMessage Decode(ReadOnlySpan<byte> payload)
    {
        // A span-only reader: every byte the message keeps is copied out, so the pipe's buffer can be recycled.
        var reader = new ConsensusReader(payload);
        var message = TMessage.Read(ref reader);
        reader.EnsureAtEnd();
        return message;
    }
}
