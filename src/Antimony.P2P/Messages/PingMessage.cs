using Antimony.P2P.Framing;
using Antimony.Primitives.Serialization;

namespace Antimony.P2P.Messages;

/// <summary>Keep-alive and latency probe (BIP31): the peer answers with a pong carrying the same nonce.</summary>
public sealed class PingMessage : INetworkMessage<PingMessage>
{
    /// <summary>Creates the message.</summary>
    public PingMessage(ulong nonce) => Nonce = nonce;

    /// <summary>The command, "ping".</summary>
    public static MessageCommand CommandName { get; } = MessageCommand.FromName("ping");

    /// <summary>The nonce's eight bytes.</summary>
    public static int MaxPayloadLength => 8;

    /// <summary>A random value the pong must echo.</summary>
    public ulong Nonce { get; }

    /// <inheritdoc />
    public MessageCommand Command => CommandName;

    /// <inheritdoc />
    public int SerializedSize => 8;

    /// <inheritdoc />
    public void Write(ref ConsensusWriter writer) => writer.WriteUInt64(Nonce);

    /// <summary>Reads the nonce (BIP31: always present from version 60001, so below every supported peer).</summary>
    public static PingMessage Read(ref ConsensusReader reader) => new(reader.ReadUInt64());

    /// <summary>Command and nonce.</summary>
    public override string ToString() => $"ping {Nonce:x16}";
}
