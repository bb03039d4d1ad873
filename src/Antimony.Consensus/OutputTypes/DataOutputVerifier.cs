using System.Buffers.Binary;
using Antimony.Consensus.Validation;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.OutputTypes;

/// <summary>
/// Data carrier: <c>OP_RETURN</c> followed only by push operations carrying at most 80 bytes in total
/// (Antimony's reading of PROTOCOL.md: the limit counts pushed bytes, not opcodes). Value must be zero;
/// never spendable, never in the UTXO set.
/// </summary>
public sealed class DataOutputVerifier : IOutputTypeVerifier
{
    /// <summary>The most bytes a data output may carry.</summary>
    public const int MaxDataBytes = 80;

    /// <inheritdoc />
    public OutputType Type => OutputType.Data;

    /// <inheritdoc />
    public bool IsSpendable => false;

    /// <inheritdoc />
    public bool Matches(ReadOnlySpan<byte> scriptPubKey)
    {
        if (scriptPubKey.IsEmpty || scriptPubKey[0] != 0x6a)
            return false;
        int data = 0;
        var rest = scriptPubKey[1..];
        while (!rest.IsEmpty)
        {
            byte opcode = rest[0];
            rest = rest[1..];
            long length;
            int prefix = 0;
            if (opcode <= 0x4b)
                length = opcode;
            else if (opcode == 0x4c && rest.Length >= 1)
                (length, prefix) = (rest[0], 1);
            else if (opcode == 0x4d && rest.Length >= 2)
                (length, prefix) = (BinaryPrimitives.ReadUInt16LittleEndian(rest), 2);
            else if (opcode == 0x4e && rest.Length >= 4)
                (length, prefix) = (BinaryPrimitives.ReadUInt32LittleEndian(rest), 4);
            else if (opcode == 0x4f || (opcode >= 0x51 && opcode <= 0x60))
                length = 0; // OP_1NEGATE, OP_1..OP_16 push small numbers
            else
                return false;
            rest = rest[prefix..];
            if (length > rest.Length)
                return false;
            rest = rest[(int)length..];
            data += (int)length;
        }
        return data <= MaxDataBytes;
    }

    /// <inheritdoc />
    public ValidationResult CheckOutput(in TxOut output) =>
        output.Value.Atoms == 0 ? ValidationResult.Valid : ValidationResult.Reject(RejectReasons.DataOutputValue, $"data output worth {output.Value}");

    /// <inheritdoc />
    public ValidationResult VerifySpend(in SpendContext context) =>
        ValidationResult.Reject(RejectReasons.InputsMissingOrSpent, "data outputs are never spendable");
}
