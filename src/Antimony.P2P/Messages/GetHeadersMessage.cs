using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Antimony.P2P.Framing;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Serialization;

namespace Antimony.P2P.Messages;

/// <summary>
/// Asks for headers after the first locator hash the peer knows, up to the stop hash (zero: as many as fit,
/// 2,000). The locator has at most 101 hashes (Bitcoin Core's MAX_LOCATOR_SZ).
/// </summary>
public sealed class GetHeadersMessage : INetworkMessage<GetHeadersMessage>
{
    /// <summary>Bitcoin Core's MAX_LOCATOR_SZ.</summary>
    public const int MaxLocatorHashes = 101;

    /// <summary>Creates the message.</summary>
    /// <exception cref="ArgumentOutOfRangeException">More than 101 locator hashes.</exception>
    public GetHeadersMessage(uint version, ImmutableArray<BlockHash> locator, BlockHash stopHash)
    {
        if (locator.IsDefault)
            throw new ArgumentException("The locator must be initialised.", nameof(locator));
        if (locator.Length > MaxLocatorHashes)
            throw new ArgumentOutOfRangeException(nameof(locator), locator.Length, $"At most {MaxLocatorHashes} locator hashes.");
        Version = version;
        Locator = locator;
        StopHash = stopHash;
    }

    /// <summary>The command, "getheaders".</summary>
    public static MessageCommand CommandName { get; } = MessageCommand.FromName("getheaders");

    /// <summary>Version, a one-byte count, 101 hashes and the stop hash.</summary>
    public static int MaxPayloadLength => 4 + 1 + MaxLocatorHashes * Hash256.Size + Hash256.Size;

    /// <summary>The sender's protocol version (unused by Bitcoin Core, kept for the encoding).</summary>
    public uint Version { get; }

    /// <summary>Block hashes from the tip back, densest near the tip.</summary>
    public ImmutableArray<BlockHash> Locator { get; }

    /// <summary>The last header wanted, or zero for "as many as fit".</summary>
    public BlockHash StopHash { get; }

    /// <inheritdoc />
    public MessageCommand Command => CommandName;

    /// <inheritdoc />
    public int SerializedSize => 4 + CompactSize.SizeOf((ulong)Locator.Length) + (Locator.Length + 1) * Hash256.Size;

    /// <inheritdoc />
    public void Write(ref ConsensusWriter writer)
    {
        writer.WriteUInt32(Version);
        writer.WriteCompactSize((ulong)Locator.Length);
        foreach (var hash in Locator)
            writer.WriteHash256(hash.Value);
        writer.WriteHash256(StopHash.Value);
    }

    /// <summary>Reads the message; a locator above 101 hashes is rejected before any hash is read.</summary>
    public static GetHeadersMessage Read(ref ConsensusReader reader)
    {
        uint version = reader.ReadUInt32();
        int count = reader.ReadCount(MaxLocatorHashes, Hash256.Size);
        var locator = new BlockHash[count];
        for (int i = 0; i < locator.Length; i++)
            locator[i] = new BlockHash(reader.ReadHash256());
        return new GetHeadersMessage(version, ImmutableCollectionsMarshal.AsImmutableArray(locator), new BlockHash(reader.ReadHash256()));
    }

    /// <summary>Locator size and stop hash.</summary>
    public override string ToString() => $"getheaders ({Locator.Length} locator hashes, stop {StopHash})";
}
