using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Antimony.P2P.Framing;

namespace Antimony.P2P.Messages;

/// <summary>
/// The commands a connection understands, each with its decoder and payload limit. Immutable: extensions
/// (compact blocks, addrv2...) derive a new registry with <see cref="With{TMessage}"/>.
/// </summary>
public sealed class MessageRegistry
{
    private readonly FrozenDictionary<MessageCommand, MessageDescriptor> _byCommand;

    private MessageRegistry(IEnumerable<MessageDescriptor> descriptors) =>
        _byCommand = descriptors.ToFrozenDictionary(d => d.Command);

    /// <summary>Every message of PROTOCOL.md's P2P section.</summary>
    public static MessageRegistry Default { get; } = new(
    [
        new MessageDescriptor<VersionMessage>(),
        new MessageDescriptor<VerackMessage>(),
        new MessageDescriptor<WtxidRelayMessage>(),
        new MessageDescriptor<SendHeadersMessage>(),
        new MessageDescriptor<PingMessage>(),
        new MessageDescriptor<PongMessage>(),
        new MessageDescriptor<GetAddrMessage>(),
        new MessageDescriptor<AddrMessage>(),
        new MessageDescriptor<InvMessage>(),
        new MessageDescriptor<GetDataMessage>(),
        new MessageDescriptor<NotFoundMessage>(),
        new MessageDescriptor<GetHeadersMessage>(),
        new MessageDescriptor<HeadersMessage>(),
        new MessageDescriptor<BlockMessage>(),
        new MessageDescriptor<TxMessage>(),
        new MessageDescriptor<FeeFilterMessage>(),
    ]);

    /// <summary>The registered descriptors.</summary>
    public IEnumerable<MessageDescriptor> Descriptors => _byCommand.Values;

    /// <summary>A registry that also decodes <typeparamref name="TMessage"/>, replacing any type with the same command.</summary>
    public MessageRegistry With<TMessage>() where TMessage : INetworkMessage<TMessage>
    {
        var descriptors = _byCommand.Values.Where(d => d.Command != TMessage.CommandName).ToList();
        descriptors.Add(new MessageDescriptor<TMessage>());
        return new MessageRegistry(descriptors);
    }

    /// <summary>Finds the descriptor of a command.</summary>
    public bool TryGet(MessageCommand command, [NotNullWhen(true)] out MessageDescriptor? descriptor) =>
        _byCommand.TryGetValue(command, out descriptor);
}
