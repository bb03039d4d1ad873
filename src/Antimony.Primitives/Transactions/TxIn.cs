using Antimony.Primitives.Scripts;
using Antimony.Primitives.Serialization;

namespace Antimony.Primitives.Transactions;

/// <summary>A transaction input: the coin it spends, its script, sequence number and witness.</summary>
/// <param name="PreviousOutput">The coin spent (the null outpoint for a coinbase).</param>
/// <param name="ScriptSig">The input script: empty except a coinbase's, which starts with the BIP34 height.</param>
/// <param name="Sequence">The sequence number (0xFFFFFFFF is final).</param>
/// <param name="Witness">The witness stack; serialized apart from the input (BIP144).</param>
public readonly record struct TxIn(OutPoint PreviousOutput, Script ScriptSig, uint Sequence, Witness Witness)
{
    /// <summary>The final sequence number.</summary>
    public const uint SequenceFinal = uint.MaxValue;

    /// <summary>The smallest possible encoding without witness: outpoint, empty script's length byte, sequence.</summary>
    public const int MinSize = OutPoint.Size + 1 + 4;

    /// <summary>An input spending <paramref name="previousOutput"/> with an empty script, final sequence and no witness.</summary>
    public TxIn(OutPoint previousOutput) : this(previousOutput, Script.Empty, SequenceFinal, Witness.Empty)
    {
    }

    /// <summary>The size of the input's non-witness encoding.</summary>
    public int BaseSize => OutPoint.Size + CompactSize.SizeOf((ulong)ScriptSig.Length) + ScriptSig.Length + 4;

    /// <summary>Writes the non-witness part: outpoint, script, sequence.</summary>
    public void WriteBase(ref ConsensusWriter writer)
    {
        PreviousOutput.Write(ref writer);
        writer.WriteLengthPrefixed(ScriptSig.Span);
        writer.WriteUInt32(Sequence);
    }

    /// <summary>Reads the non-witness part; the witness is attached later, when the witness section is read.</summary>
    public static TxIn ReadBase(ref ConsensusReader reader)
    {
        var previous = OutPoint.Read(ref reader);
        var script = new Script(reader.ReadLengthPrefixedMemory());
        return new TxIn(previous, script, reader.ReadUInt32(), Witness.Empty);
    }

    /// <summary>Reads a compact-size count and that many inputs' non-witness parts.</summary>
    internal static TxIn[] ReadList(ref ConsensusReader reader)
    {
        int count = reader.ReadCount(ConsensusReader.MaxCount, MinSize);
        var inputs = count == 0 ? [] : new TxIn[count];
        for (int i = 0; i < inputs.Length; i++)
            inputs[i] = ReadBase(ref reader);
        return inputs;
    }
}
