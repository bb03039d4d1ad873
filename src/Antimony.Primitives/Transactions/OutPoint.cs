using Antimony.Primitives.Serialization;

namespace Antimony.Primitives.Transactions;

/// <summary>A reference to one output of an earlier transaction: the coin an input spends.</summary>
/// <param name="Txid">The transaction that created the output.</param>
/// <param name="Index">The output's position in that transaction.</param>
public readonly record struct OutPoint(Txid Txid, uint Index) : IConsensusEncodable, IConsensusDecodable<OutPoint>
{
    /// <summary>The encoded size: a 32-byte txid and a 4-byte index.</summary>
    public const int Size = 36;

    /// <summary>The outpoint a coinbase input names: zero txid, index 0xFFFFFFFF.</summary>
    public static OutPoint Null { get; } = new(Txid.Zero, uint.MaxValue);

    /// <summary>Whether this is the coinbase's null outpoint.</summary>
    public bool IsNull => Index == uint.MaxValue && Txid.Value.IsZero;

    /// <inheritdoc />
    public int SerializedSize => Size;

    /// <inheritdoc />
    public void Write(ref ConsensusWriter writer)
    {
        writer.WriteHash256(Txid.Value);
        writer.WriteUInt32(Index);
    }

    /// <inheritdoc />
    public static OutPoint Read(ref ConsensusReader reader) => new(new Txid(reader.ReadHash256()), reader.ReadUInt32());

    /// <summary>The conventional <c>txid:index</c> form.</summary>
    public override string ToString() => $"{Txid}:{Index}";
}
