using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Antimony.P2P.Framing;
using Antimony.Primitives.Serialization;

namespace Antimony.P2P.Messages;

/// <summary>Gossips addresses of nodes, each with when it was last seen (at most 1,000 per message).</summary>
public sealed class AddrMessage : INetworkMessage<AddrMessage>
{
    /// <summary>Bitcoin Core's MAX_ADDR_TO_SEND.</summary>
    public const int MaxAddresses = 1_000;

    /// <summary>Creates the message.</summary>
    /// <exception cref="ArgumentOutOfRangeException">More than 1,000 addresses.</exception>
    public AddrMessage(ImmutableArray<TimestampedAddress> addresses)
    {
        if (addresses.IsDefault)
            throw new ArgumentException("The addresses must be initialised.", nameof(addresses));
        if (addresses.Length > MaxAddresses)
            throw new ArgumentOutOfRangeException(nameof(addresses), addresses.Length, $"At most {MaxAddresses} addresses.");
        Addresses = addresses;
    }

    /// <summary>The command, "addr".</summary>
    public static MessageCommand CommandName { get; } = MessageCommand.FromName("addr");

    /// <summary>A count and at most 1,000 entries of 30 bytes.</summary>
    public static int MaxPayloadLength => 3 + MaxAddresses * TimestampedAddress.Size;

    /// <summary>The addresses.</summary>
    public ImmutableArray<TimestampedAddress> Addresses { get; }

    /// <inheritdoc />
    public MessageCommand Command => CommandName;

    /// <inheritdoc />
    public int SerializedSize => CompactSize.SizeOf((ulong)Addresses.Length) + Addresses.Length * TimestampedAddress.Size;

    /// <inheritdoc />
    public void Write(ref ConsensusWriter writer)
    {
        writer.WriteCompactSize((ulong)Addresses.Length);
        foreach (var address in Addresses)
            address.Write(ref writer);
    }

    /// <summary>Reads the addresses; a count above 1,000 is rejected before any entry is read.</summary>
    public static AddrMessage Read(ref ConsensusReader reader)
    {
        int count = reader.ReadCount(MaxAddresses, TimestampedAddress.Size);
        var addresses = new TimestampedAddress[count];
        for (int i = 0; i < addresses.Length; i++)
            addresses[i] = TimestampedAddress.Read(ref reader);
        return new AddrMessage(ImmutableCollectionsMarshal.AsImmutableArray(addresses));
    }

    /// <summary>Command and count.</summary>
    public override string ToString() => $"addr ({Addresses.Length} addresses)";
}
