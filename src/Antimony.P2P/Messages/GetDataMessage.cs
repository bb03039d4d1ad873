using System.Collections.Immutable;
using Antimony.P2P.Framing;
using Antimony.Primitives.Serialization;

namespace Antimony.P2P.Messages;

/// <summary>Asks for the objects named by the entries (at most 50,000); answered with tx, block or notfound.</summary>
public sealed class GetDataMessage : INetworkMessage<GetDataMessage>
{
    /// <summary>Creates the message.</summary>
    /// <exception cref="ArgumentOutOfRangeException">More than 50,000 entries.</exception>
    public GetDataMessage(ImmutableArray<InventoryVector> entries) => Entries = InventoryList.Validate(entries, nameof(entries));

    /// <summary>The command, "getdata".</summary>
    public static MessageCommand CommandName { get; } = MessageCommand.FromName("getdata");

    /// <summary>A count and at most 50,000 entries of 36 bytes.</summary>
    public static int MaxPayloadLength => InventoryList.MaxPayloadLength;

    /// <summary>The entries, at most 50,000.</summary>
    public ImmutableArray<InventoryVector> Entries { get; }

    /// <inheritdoc />
    public MessageCommand Command => CommandName;

    /// <inheritdoc />
    public int SerializedSize => InventoryList.SizeOf(Entries);

    /// <inheritdoc />
    public void Write(ref ConsensusWriter writer) => InventoryList.Write(ref writer, Entries);

    /// <summary>Reads the entries; a count above 50,000 is rejected before any entry is read.</summary>
    public static GetDataMessage Read(ref ConsensusReader reader) => new(InventoryList.Read(ref reader));

    /// <summary>Command and entry count.</summary>
    public override string ToString() => $"getdata ({Entries.Length} entries)";
}
