using Antimony.Primitives.Amounts;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Serialization;

namespace Antimony.Primitives.Transactions;

/// <summary>A transaction output: an amount locked by an output script.</summary>
/// <param name="Value">The amount.</param>
/// <param name="ScriptPubKey">The script that says who may spend it.</param>
public readonly record struct TxOut(Money Value, Script ScriptPubKey) : IConsensusEncodable, IConsensusDecodable<TxOut>
{
    /// <summary>The smallest possible encoding: an 8-byte value and an empty script's length byte.</summary>
    public const int MinSize = 9;

    /// <inheritdoc />
    public int SerializedSize => 8 + CompactSize.SizeOf((ulong)ScriptPubKey.Length) + ScriptPubKey.Length;

    /// <inheritdoc />
    public void Write(ref ConsensusWriter writer)
    {
        writer.WriteInt64(Value.Atoms);
        writer.WriteLengthPrefixed(ScriptPubKey.Span);
    }

    /// <inheritdoc />
    public static TxOut Read(ref ConsensusReader reader)
    {
        var value = new Money(reader.ReadInt64());
        var script = new Script(reader.ReadLengthPrefixedMemory());
        return new TxOut(value, script);
    }

    /// <summary>Reads a compact-size count and that many outputs.</summary>
    internal static TxOut[] ReadList(ref ConsensusReader reader)
    {
        int count = reader.ReadCount(ConsensusReader.MaxCount, MinSize);
        var outputs = count == 0 ? [] : new TxOut[count];
        for (int i = 0; i < outputs.Length; i++)
            outputs[i] = Read(ref reader);
        return outputs;
    }
}
