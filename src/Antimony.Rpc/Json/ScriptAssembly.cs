using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Antimony.Rpc.Json;

/// <summary>
/// Bitcoin Core's <c>ScriptToAsmStr</c>: pushes of up to 4 bytes as script numbers, longer pushes as hex, other
/// opcodes by name, <c>[error]</c> at a push that runs past the end.
/// </summary>
internal static class ScriptAssembly
{
    private static readonly string[] Names = BuildNames();

    public static string ToAsm(ReadOnlySpan<byte> script)
    {
        var text = new StringBuilder();
        int position = 0;
        while (position < script.Length)
        {
            if (text.Length > 0)
                text.Append(' ');
            byte op = script[position++];
            if (op > 0x4e)
            {
                text.Append(Names[op]);
                continue;
            }
            int lengthSize = op switch { 0x4c => 1, 0x4d => 2, 0x4e => 4, _ => 0 };
            if (script.Length - position < lengthSize)
                return text.Append("[error]").ToString();
            long length = lengthSize switch
            {
                0 => op,
                1 => script[position],
                2 => BinaryPrimitives.ReadUInt16LittleEndian(script[position..]),
                _ => BinaryPrimitives.ReadUInt32LittleEndian(script[position..]),
            };
            position += lengthSize;
            if (script.Length - position < length)
                return text.Append("[error]").ToString();
            var data = script.Slice(position, (int)length);
            position += (int)length;
            if (data.Length <= 4)
                text.Append(ScriptNumber(data).ToString(CultureInfo.InvariantCulture));
            else
                text.Append(Convert.ToHexStringLower(data));
        }
        return text.ToString();
    }

    // Minimal-or-not little-endian sign-magnitude number (CScriptNum without the minimal check).
    private static long ScriptNumber(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
            return 0;
        long result = 0;
        for (int i = 0; i < data.Length; i++)
            result |= (long)data[i] << (8 * i);
        if ((data[^1] & 0x80) != 0)
            return -(result & ~(0x80L << (8 * (data.Length - 1))));
        return result;
    }

    private static string[] BuildNames()
    {
        var names = new string[256];
        Array.Fill(names, "OP_UNKNOWN");
        names[0x4f] = "-1";
        names[0x50] = "OP_RESERVED";
        for (int n = 1; n <= 16; n++)
            names[0x50 + n] = n.ToString(CultureInfo.InvariantCulture);
        string[] control = ["OP_NOP", "OP_VER", "OP_IF", "OP_NOTIF", "OP_VERIF", "OP_VERNOTIF", "OP_ELSE", "OP_ENDIF", "OP_VERIFY", "OP_RETURN",
            "OP_TOALTSTACK", "OP_FROMALTSTACK", "OP_2DROP", "OP_2DUP", "OP_3DUP", "OP_2OVER", "OP_2ROT", "OP_2SWAP", "OP_IFDUP", "OP_DEPTH",
            "OP_DROP", "OP_DUP", "OP_NIP", "OP_OVER", "OP_PICK", "OP_ROLL", "OP_ROT", "OP_SWAP", "OP_TUCK", "OP_CAT", "OP_SUBSTR", "OP_LEFT",
            "OP_RIGHT", "OP_SIZE", "OP_INVERT", "OP_AND", "OP_OR", "OP_XOR", "OP_EQUAL", "OP_EQUALVERIFY", "OP_RESERVED1", "OP_RESERVED2",
            "OP_1ADD", "OP_1SUB", "OP_2MUL", "OP_2DIV", "OP_NEGATE", "OP_ABS", "OP_NOT", "OP_0NOTEQUAL", "OP_ADD", "OP_SUB", "OP_MUL", "OP_DIV",
            "OP_MOD", "OP_LSHIFT", "OP_RSHIFT", "OP_BOOLAND", "OP_BOOLOR", "OP_NUMEQUAL", "OP_NUMEQUALVERIFY", "OP_NUMNOTEQUAL", "OP_LESSTHAN",
            "OP_GREATERTHAN", "OP_LESSTHANOREQUAL", "OP_GREATERTHANOREQUAL", "OP_MIN", "OP_MAX", "OP_WITHIN", "OP_RIPEMD160", "OP_SHA1",
            "OP_SHA256", "OP_HASH160", "OP_HASH256", "OP_CODESEPARATOR", "OP_CHECKSIG", "OP_CHECKSIGVERIFY", "OP_CHECKMULTISIG",
            "OP_CHECKMULTISIGVERIFY", "OP_NOP1", "OP_CHECKLOCKTIMEVERIFY", "OP_CHECKSEQUENCEVERIFY", "OP_NOP4", "OP_NOP5", "OP_NOP6", "OP_NOP7",
            "OP_NOP8", "OP_NOP9", "OP_NOP10", "OP_CHECKSIGADD"];
        control.CopyTo(names, 0x61);
        return names;
    }
}
