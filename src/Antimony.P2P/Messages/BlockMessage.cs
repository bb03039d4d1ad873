using Antimony.P2P.Framing;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Serialization;

namespace Antimony.P2P.Messages;

/// <summary>A whole block with its transactions in the BIP144 witness form.</summary>
public sealed class BlockMessage : INetworkMessage<BlockMessage>
{
    /// <summary>Creates the message.</summary>
    public BlockMessage(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        Block = block;
    }

    /// <summary>The command, "block".</summary>
    public static MessageCommand CommandName { get; } = MessageCommand.FromName("block");

    /// <summary>Bounded only by the connection's frame limit, which follows the network's maximum block size.</summary>
    public static int MaxPayloadLength => int.MaxValue;

    /// <summary>The block.</summary>
    public Block Block { get; }

    /// <inheritdoc />
    public MessageCommand Command => CommandName;

    /// <inheritdoc />
    public int SerializedSize => Block.SerializedSize;

    /// <inheritdoc />
    public void Write(ref ConsensusWriter writer) => Block.Write(ref writer);

    /// <summary>Reads the block.</summary>
    public static BlockMessage Read(ref ConsensusReader reader) => new(Block.Read(ref reader));

    /// <summary>The block's summary.</summary>
    public override string ToString() => $"block {Block}";
}
