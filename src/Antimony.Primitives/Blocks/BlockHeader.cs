using Antimony.Primitives.Hashing;
using Antimony.Primitives.Numerics;
using Antimony.Primitives.Serialization;

namespace Antimony.Primitives.Blocks;

/// <summary>
/// The 80-byte block header, Bitcoin's format: version, previous block id, merkle root, time, compact
/// target ("bits") and nonce, all little-endian. The block id is SHA-256d of these 80 bytes.
/// </summary>
/// <param name="Version">The version field (signed).</param>
/// <param name="PreviousBlock">The id of the block this one builds on (zero for a genesis block).</param>
/// <param name="MerkleRoot">The merkle root of the block's txids.</param>
/// <param name="Time">The block time in Unix seconds.</param>
/// <param name="Bits">The target in Bitcoin's compact "nBits" form.</param>
/// <param name="Nonce">The value the miner varies.</param>
public readonly record struct BlockHeader(int Version, BlockHash PreviousBlock, Hash256 MerkleRoot, uint Time, CompactTarget Bits, uint Nonce)
    : IConsensusEncodable, IConsensusDecodable<BlockHeader>
{
    /// <summary>The encoded size.</summary>
    public const int Size = 80;

    /// <summary>The block id: SHA-256d of the 80-byte encoding (computed on every call; cache it if needed).</summary>
    public BlockHash Hash
    {
        get
        {
            Span<byte> bytes = stackalloc byte[Size];
            var writer = new ConsensusWriter(bytes);
            Write(ref writer);
            return new BlockHash(Sha256d.Hash(bytes));
        }
    }

    /// <inheritdoc />
    public int SerializedSize => Size;

    /// <inheritdoc />
    public void Write(ref ConsensusWriter writer)
    {
        writer.WriteInt32(Version);
        writer.WriteHash256(PreviousBlock.Value);
        writer.WriteHash256(MerkleRoot);
        writer.WriteUInt32(Time);
        writer.WriteUInt32(Bits.Value);
        writer.WriteUInt32(Nonce);
    }

    /// <inheritdoc />
    public static BlockHeader Read(ref ConsensusReader reader) => new(
        reader.ReadInt32(),
        new BlockHash(reader.ReadHash256()),
        reader.ReadHash256(),
        reader.ReadUInt32(),
        new CompactTarget(reader.ReadUInt32()),
        reader.ReadUInt32());

    /// <summary>The 80-byte encoding as a new array.</summary>
    public byte[] ToBytes() => ConsensusEncoding.ToBytes(this);

    /// <summary>Parses exactly 80 bytes.</summary>
    /// <exception cref="DecodeException">Not exactly 80 bytes.</exception>
    public static BlockHeader Parse(ReadOnlySpan<byte> bytes) => ConsensusEncoding.Decode<BlockHeader>(bytes);
}
