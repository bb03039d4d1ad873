using System.Text.Json;
using Antimony.Primitives.Networks;
using Antimony.Primitives.Transactions;

namespace Antimony.Rpc.Json;

/// <summary>A transaction's fields as Bitcoin Core's <c>TxToUniv</c> writes them, into an object the caller opened.</summary>
internal static class TransactionJson
{
    public static void WriteTransactionProperties(this Utf8JsonWriter writer, Transaction transaction, Network network, bool includeHex)
    {
        writer.WriteString("txid", transaction.Txid.ToString());
        writer.WriteString("hash", transaction.Wtxid.ToString());
        writer.WriteNumber("version", transaction.Version);
        writer.WriteNumber("size", transaction.TotalSize);
        writer.WriteNumber("vsize", transaction.VirtualSize);
        writer.WriteNumber("weight", transaction.Weight);
        writer.WriteNumber("locktime", transaction.LockTime);
        writer.WriteStartArray("vin");
        foreach (var input in transaction.Inputs)
        {
            writer.WriteStartObject();
            if (transaction.IsCoinbase)
            {
                writer.WriteString("coinbase", input.ScriptSig.ToString());
            }
            else
            {
                writer.WriteString("txid", input.PreviousOutput.Txid.ToString());
                writer.WriteNumber("vout", input.PreviousOutput.Index);
                writer.WriteStartObject("scriptSig");
                writer.WriteString("asm", ScriptAssembly.ToAsm(input.ScriptSig.Span));
                writer.WriteString("hex", input.ScriptSig.ToString());
                writer.WriteEndObject();
            }
            if (!input.Witness.IsEmpty)
            {
                writer.WriteStartArray("txinwitness");
                for (int i = 0; i < input.Witness.Count; i++)
                    writer.WriteStringValue(Convert.ToHexStringLower(input.Witness[i]));
                writer.WriteEndArray();
            }
            writer.WriteNumber("sequence", input.Sequence);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("vout");
        for (int n = 0; n < transaction.Outputs.Length; n++)
        {
            var output = transaction.Outputs[n];
            writer.WriteStartObject();
            writer.WriteAmount("value", output.Value);
            writer.WriteNumber("n", n);
            writer.WriteScriptPubKey("scriptPubKey", output.ScriptPubKey, network);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        if (includeHex)
            writer.WriteString("hex", transaction.ToHex());
    }
}
