using Antimony.P2P.Framing;
using Antimony.Primitives.Serialization;

namespace Antimony.P2P.Messages;

/// <summary>Asks the peer for addresses of other nodes; answered with addr.</summary>
public sealed class GetAddrMessage : INetworkMessage<GetAddrMessage>
{
    private GetAddrMessage()
    {
    }

    /// <summary>The message (it has no fields, so one instance serves).</summary>
    public static GetAddrMessage Instance { get; } = new();

    /// <summary>The command, "getaddr".</summary>
    public static MessageCommand CommandName { get; } = MessageCommand.FromName("getaddr");

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
    public static GetAddrMessage Read(ref ConsensusReader reader) => Instance;

    /// <summary>The command.</summary>
    public override string ToString() => "getaddr";
}
