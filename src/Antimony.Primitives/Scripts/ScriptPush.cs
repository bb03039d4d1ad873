using System.Buffers.Binary;

namespace Antimony.Primitives.Scripts;

/// <summary>Reads and writes single push operations (the only operations a data output may contain).</summary>
internal static class ScriptPush
{
    /// <summary>
    /// Reads the push at <paramref name="position"/>: OP_0, a direct push (0x01-0x4b), OP_PUSHDATA1/2/4,
    /// OP_1NEGATE or OP_1..OP_16. False for any other opcode (OP_RESERVED included) or a truncated push.
    /// </summary>
    /// <param name="script">The script.</param>
    /// <param name="position">Where the opcode is; advanced past the push on success.</param>
    /// <param name="data">The pushed bytes when they are in the script; empty for OP_0 and the small numbers.</param>
    /// <param name="smallNumber">For OP_1NEGATE and OP_1..OP_16, the single byte they push (0x81, 1-16); otherwise -1.</param>
    public static bool TryRead(ReadOnlySpan<byte> script, ref int position, out ReadOnlySpan<byte> data, out int smallNumber)
    {
        data = default;
        smallNumber = -1;
        byte op = script[position];
        int lengthSize = op switch { (byte)OpCode.PushData1 => 1, (byte)OpCode.PushData2 => 2, (byte)OpCode.PushData4 => 4, _ => 0 };
        if (op == (byte)OpCode.Op1Negate || op is >= (byte)OpCode.Op1 and <= (byte)OpCode.Op16)
        {
            smallNumber = op == (byte)OpCode.Op1Negate ? 0x81 : op - (byte)OpCode.Op1 + 1;
            position++;
            return true;
        }
        if (op > (byte)OpCode.PushData4)
            return false;
        ReadOnlySpan<byte> rest = script[(position + 1)..];
        if (rest.Length < lengthSize)
            return false;
        long length = lengthSize switch
        {
            0 => op,
            1 => rest[0],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(rest),
            _ => BinaryPrimitives.ReadUInt32LittleEndian(rest),
        };
        if (rest.Length - lengthSize < length)
            return false;
        data = rest.Slice(lengthSize, (int)length);
        position += 1 + lengthSize + (int)length;
        return true;
    }

    /// <summary>The size of the minimal push of <paramref name="data"/> (Bitcoin Core's CheckMinimalPush form).</summary>
    public static int MinimalSize(ReadOnlySpan<byte> data) =>
        IsSmallNumber(data) ? 1
        : data.Length <= (int)OpCode.MaxDirectPush ? 1 + data.Length
        : data.Length <= byte.MaxValue ? 2 + data.Length
        : data.Length <= ushort.MaxValue ? 3 + data.Length
        : 5 + data.Length;

    /// <summary>Writes the minimal push of <paramref name="data"/>; returns the bytes written.</summary>
    public static int WriteMinimal(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (data.IsEmpty)
        {
            destination[0] = (byte)OpCode.Op0;
            return 1;
        }
        if (IsSmallNumber(data))
        {
            destination[0] = data[0] == 0x81 ? (byte)OpCode.Op1Negate : (byte)((byte)OpCode.Op1 + data[0] - 1);
            return 1;
        }
        int header;
        if (data.Length <= (int)OpCode.MaxDirectPush)
        {
            destination[0] = (byte)data.Length;
            header = 1;
        }
        else if (data.Length <= byte.MaxValue)
        {
            destination[0] = (byte)OpCode.PushData1;
            destination[1] = (byte)data.Length;
            header = 2;
        }
        else if (data.Length <= ushort.MaxValue)
        {
            destination[0] = (byte)OpCode.PushData2;
            BinaryPrimitives.WriteUInt16LittleEndian(destination[1..], (ushort)data.Length);
            header = 3;
        }
        else
        {
            destination[0] = (byte)OpCode.PushData4;
            BinaryPrimitives.WriteUInt32LittleEndian(destination[1..], (uint)data.Length);
            header = 5;
        }
        data.CopyTo(destination[header..]);
        return header + data.Length;
    }

    private static bool IsSmallNumber(ReadOnlySpan<byte> data) => data.Length == 1 && (data[0] is >= 1 and <= 16 || data[0] == 0x81);
}
