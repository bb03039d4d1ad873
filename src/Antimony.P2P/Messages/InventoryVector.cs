using Antimony.Primitives.Hashing;
using Antimony.Primitives.Serialization;

namespace Antimony.P2P.Messages;

/// <summary>One entry of inv, getdata and notfound: a kind and a hash (txid, wtxid or block hash, by kind).</summary>
/// <param name="Type">What the hash names.</param>
/// <param name="Hash">The object's hash in internal byte order.</param>
public readonly record struct InventoryVector(InventoryType Type, Hash256 Hash)
{
    /// <summary>Encoded size: type (4) + hash (32).</summary>
    public const int Size = 4 + Hash256.Size;

    /// <summary>The most entries an inv, getdata or notfound may carry (Bitcoin Core's MAX_INV_SZ).</summary>
    public const int MaxPerMessage = 50_000;

    /// <summary>Writes the entry.</summary>
    public void Write(ref ConsensusWriter writer)
    {
        writer.WriteUInt32((uint)Type);
        writer.WriteHash256(Hash);
    }

    /// <summary>Reads the entry; any kind is accepted.</summary>
    public static InventoryVector Read(ref ConsensusReader reader) => new((InventoryType)reader.ReadUInt32(), reader.ReadHash256());
}
