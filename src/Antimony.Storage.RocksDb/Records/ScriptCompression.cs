using Antimony.Primitives.Scripts;
using Antimony.Primitives.Serialization;

namespace Antimony.Storage.RocksDb.Records;

/// <summary>
/// Compact storage of output scripts, in the spirit of Bitcoin Core's script compressor but for Antimony's
/// output types: a P2WPKH script is stored as tag 0 and its 20-byte hash, a P2TR script as tag 1 and its
/// 32-byte key; any other script as VarInt(length + 2) followed by its bytes.
/// </summary>
internal static class ScriptCompression
{
    private const int SpecialTags = 2;
    private const byte P2WpkhTag = 0;
    private const byte P2TrTag = 1;

    /// <summary>The stored size of <paramref name="script"/>.</summary>
    public static int SizeOf(in Script script) => Classify(script.Span) switch
    {
        P2WpkhTag => 1 + 20,
        P2TrTag => 1 + 32,
        _ => VarInt.SizeOf((ulong)script.Length + SpecialTags) + script.Length,
    };

    /// <summary>Writes the stored form of <paramref name="script"/>.</summary>
    public static void Write(ref ConsensusWriter writer, in Script script)
    {
        var bytes = script.Span;
        switch (Classify(bytes))
        {
            case P2WpkhTag:
                writer.WriteByte(P2WpkhTag);
                writer.WriteBytes(bytes[2..]);
                break;
            case P2TrTag:
                writer.WriteByte(P2TrTag);
                writer.WriteBytes(bytes[2..]);
                break;
            default:
                VarInt.Write(ref writer, (ulong)bytes.Length + SpecialTags);
                writer.WriteBytes(bytes);
                break;
        }
    }

    /// <summary>Reads a stored script.</summary>
    /// <exception cref="DecodeException">Truncated, or a length longer than the bytes that remain.</exception>
    public static Script Read(ref ConsensusReader reader)
    {
        int start = reader.Position;
        ulong tag = VarInt.Read(ref reader);
        switch (tag)
        {
            case P2WpkhTag:
                return Template(0x00, reader.ReadBytes(20));
            case P2TrTag:
                return Template(0x51, reader.ReadBytes(32));
            default:
                ulong length = tag - SpecialTags;
                if (length > (ulong)reader.Remaining)
                    throw new DecodeException(DecodeError.Truncated, start, $"Script length {length} exceeds the {reader.Remaining} bytes left");
                return new Script(reader.ReadBytes((int)length).ToArray());
        }
    }

    private static Script Template(byte opcode, ReadOnlySpan<byte> program)
    {
        var bytes = new byte[2 + program.Length];
        bytes[0] = opcode;
        bytes[1] = (byte)program.Length;
        program.CopyTo(bytes.AsSpan(2));
        return new Script(bytes);
    }

    // OP_0 <20 bytes> is P2WPKH; OP_1 <32 bytes> is P2TR (BIP141, BIP341).
    private static int Classify(ReadOnlySpan<byte> script) => script switch
    {
        [0x00, 0x14, ..] when script.Length == 22 => P2WpkhTag,
        [0x51, 0x20, ..] when script.Length == 34 => P2TrTag,
        _ => -1,
    };
}
