namespace Antimony.Primitives.Scripts;

/// <summary>
/// The script opcodes Antimony's output types use, with Bitcoin's byte values. Antimony v1 has no script
/// interpreter; these exist to build and recognise output scripts and data pushes.
/// </summary>
#pragma warning disable CA1028 // The values are bytes on the wire.
public enum OpCode : byte
#pragma warning restore CA1028
{
    /// <summary><c>OP_0</c> (<c>OP_FALSE</c>): pushes an empty value; also witness version 0.</summary>
    Op0 = 0x00,

    /// <summary>The largest direct push: opcodes 0x01-0x4b push that many following bytes.</summary>
    MaxDirectPush = 0x4b,

    /// <summary><c>OP_PUSHDATA1</c>: the next byte is the length of the data that follows.</summary>
    PushData1 = 0x4c,

    /// <summary><c>OP_PUSHDATA2</c>: the next two bytes (little-endian) are the length of the data that follows.</summary>
    PushData2 = 0x4d,

    /// <summary><c>OP_PUSHDATA4</c>: the next four bytes (little-endian) are the length of the data that follows.</summary>
    PushData4 = 0x4e,

    /// <summary><c>OP_1NEGATE</c>: pushes the number -1 (the single byte 0x81).</summary>
    Op1Negate = 0x4f,

    /// <summary><c>OP_RESERVED</c>: not a push; listed because it sits inside the push range's numbering.</summary>
    Reserved = 0x50,

    /// <summary><c>OP_1</c> (<c>OP_TRUE</c>): pushes the number 1; also witness version 1 (taproot).</summary>
    Op1 = 0x51,

    /// <summary><c>OP_16</c>: pushes the number 16; also witness version 16. <c>OP_n</c> is <c>OP_1 + n - 1</c>.</summary>
    Op16 = 0x60,

    /// <summary><c>OP_RETURN</c>: marks an output as provably unspendable; starts a data output.</summary>
    Return = 0x6a,
}
