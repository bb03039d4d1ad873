using Antimony.P2P.Framing;
using Antimony.Primitives.Serialization;

namespace Antimony.P2P.Messages;

/// <summary>BIP339: sent between version and verack to announce transactions by wtxid (peers from version 70016).</summary>
public sealed class WtxidRelayMessage : INetworkMessage<WtxidRelayMessage>
{
    private WtxidRelayMessage()
    {
    }

    /// <summary>The message (it has no fields, so one instance serves).</summary>
    public static WtxidRelayMessage Instance { get; } = new();

    /// <summary>The command, "wtxidrelay".</summary>
    public static MessageCommand CommandName { get; } = MessageCommand.FromName("wtxidrelay");

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
    public static WtxidRelayMessage Read(ref ConsensusReader reader) => Instance;

    /// <summary>The command.</summary>
    public override string ToString() => "wtxidrelay";
}
