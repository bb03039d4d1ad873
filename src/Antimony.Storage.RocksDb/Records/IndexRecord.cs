using System.Text;
using Antimony.Consensus.Chain;
using Antimony.Consensus.Storage;
using Antimony.Consensus.Validation;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Serialization;

namespace Antimony.Storage.RocksDb.Records;

/// <summary>
/// The stored form of a <see cref="BlockIndexRecord"/>: the 80-byte header, VarInt(height), VarInt(status),
/// VarInt(first-seen sequence), then either 0, or 1 followed by VarInt(reject category) and the reject code as length-prefixed UTF-8.
/// </summary>
internal static class IndexRecord
{
    private const int MaxCodeLength = 256;

    /// <summary>The stored form of <paramref name="record"/> as a new array.</summary>
    public static byte[] ToBytes(BlockIndexRecord record)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(record.Height, nameof(record));
        ArgumentOutOfRangeException.ThrowIfNegative(record.Sequence, nameof(record));
        byte[] code = record.InvalidReason is { } reason ? Encoding.UTF8.GetBytes(reason.Code) : [];
        int size = BlockHeader.Size + VarInt.SizeOf((ulong)record.Height) + VarInt.SizeOf((uint)record.Status) + VarInt.SizeOf((ulong)record.Sequence) + 1;
        if (record.InvalidReason is { } withReason)
            size += VarInt.SizeOf((uint)withReason.Category) + CompactSize.SizeOf((ulong)code.Length) + code.Length;
        var bytes = new byte[size];
        var writer = new ConsensusWriter(bytes);
        record.Header.Write(ref writer);
        VarInt.Write(ref writer, (ulong)record.Height);
        VarInt.Write(ref writer, (uint)record.Status);
        VarInt.Write(ref writer, (ulong)record.Sequence);
        if (record.InvalidReason is { } invalid)
        {
            writer.WriteByte(1);
            VarInt.Write(ref writer, (uint)invalid.Category);
            writer.WriteLengthPrefixed(code);
        }
        else
        {
            writer.WriteByte(0);
        }
        return bytes;
    }

    /// <summary>Decodes a stored index record.</summary>
    /// <exception cref="DecodeException">Malformed, truncated or followed by extra bytes.</exception>
    public static BlockIndexRecord Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new ConsensusReader(bytes);
        var header = BlockHeader.Read(ref reader);
        int height = (int)VarInt.Read(ref reader, int.MaxValue);
        var status = (BlockStatus)VarInt.Read(ref reader, int.MaxValue);
        long sequence = (long)VarInt.Read(ref reader, long.MaxValue);
        RejectReason? reason = null;
        switch (reader.ReadByte())
        {
            case 0:
                break;
            case 1:
                var category = (RejectCategory)VarInt.Read(ref reader, int.MaxValue);
                var code = reader.ReadBytes(reader.ReadCount(MaxCodeLength));
                reason = new RejectReason(Encoding.UTF8.GetString(code), category);
                break;
            default:
                reader.Fail(DecodeError.InvalidValue, "Unknown reject-reason flag");
                break;
        }
        reader.EnsureAtEnd();
        return new BlockIndexRecord(header, height, status, reason, sequence);
    }
}
