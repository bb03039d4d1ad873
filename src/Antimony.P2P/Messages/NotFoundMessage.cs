using System.Collections.Immutable;
using Antimony.P2P.Framing;
using Antimony.Primitives.Serialization;

namespace Antimony.P2P.Messages;

/// <summary>Answers a getdata for objects the sender does not have (at most 50,000 entries).</summary>
public sealed class NotFoundMessage : INetworkMessage<NotFoundMessage>
{
    /// <summary>Creates the message.</summary>
    /// <exception cref="ArgumentOutOfRangeException">More than 50,000 entries.</exception>
    public NotFoundMessage(ImmutableArray<InventoryVector> entries) => Entries = InventoryList.Validate(entries, nameof(entries));

    /// <summary>The command, "notfound".</summary>
    public static MessageCommand CommandName { get; } = MessageCommand.FromName("notfound");

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
    public static NotFoundMessage Read(ref ConsensusReader reader) => new(InventoryList.Read(ref reader));

    /// <summary>Command and entry count.</summary>
    public override string ToString() => $"notfound ({Entries.Length} entries)";
}
