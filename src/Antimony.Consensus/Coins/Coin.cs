using Antimony.Primitives.Serialization;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Coins;

/// <summary>
/// An unspent transaction output as the chain state keeps it: the output, the height of the block that
/// created it and whether a coinbase created it (for maturity).
/// </summary>
/// <param name="Output">The output.</param>
/// <param name="Height">The height of the block holding the creating transaction.</param>
/// <param name="IsCoinbase">Whether the creating transaction is a coinbase.</param>
public readonly record struct Coin(TxOut Output, int Height, bool IsCoinbase) : IConsensusEncodable, IConsensusDecodable<Coin>
{
    /// <summary>Encoded size: height and coinbase flag as one uint32 (height·2 + flag), then the output.</summary>
    public int SerializedSize => 4 + Output.SerializedSize;

    /// <summary>Writes the storage form (used by stores and undo data).</summary>
    public void Write(ref ConsensusWriter writer)
    {
        writer.WriteUInt32(((uint)Height << 1) | (IsCoinbase ? 1u : 0u));
        Output.Write(ref writer);
    }

    /// <summary>Reads the storage form.</summary>
    public static Coin Read(ref ConsensusReader reader)
    {
        uint code = reader.ReadUInt32();
        var output = TxOut.Read(ref reader);
        return new Coin(output, (int)(code >> 1), (code & 1) != 0);
    }
}
