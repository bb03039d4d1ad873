using Antimony.P2P.Framing;
using Antimony.Primitives.Serialization;

namespace Antimony.P2P.Messages;

/// <summary>The answer to a ping (BIP31), echoing its nonce.</summary>
public sealed class PongMessage : INetworkMessage<PongMessage>
{
    /// <summary>Creates the message.</summary>
    public PongMessage(ulong nonce) => Nonce = nonce;

    /// <summary>The command, "pong".</summary>
    public static MessageCommand CommandName { get; } = MessageCommand.FromName("pong");

    /// <summary>The nonce's eight bytes.</summary>
    public static int MaxPayloadLength => 8;

    /// <summary>The nonce of the ping being answered.</summary>
    public ulong Nonce { get; }

    /// <inheritdoc />
    public MessageCommand Command => CommandName;

    /// <inheritdoc />
    public int SerializedSize => 8;

    /// <inheritdoc />
    public void Write(ref ConsensusWriter writer) => writer.WriteUInt64(Nonce);

    /// <summary>Reads the nonce (BIP31: always present from version 60001, so below every supported peer).</summary>
    public static PongMessage Read(ref ConsensusReader reader) => new(reader.ReadUInt64());

    /// <summary>Command and nonce.</summary>
    public override string ToString() => $"pong {Nonce:x16}";
}
