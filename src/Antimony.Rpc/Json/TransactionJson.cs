using System.Text.Json;
using Antimony.Consensus.Coins;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Networks;
using Antimony.Primitives.Transactions;

namespace Antimony.Rpc.Json;

/// <summary>A transaction's fields as Bitcoin Core's <c>TxToUniv</c> writes them, into an object the caller opened.</summary>
internal static class TransactionJson
{
    public static void WriteTransactionProperties(this Utf8JsonWriter writer, Transaction transaction, Network network, bool includeHex)
        => writer.WriteTransactionProperties(transaction, network, includeHex, [], showPrevouts: false);

    /// <summary>
    /// As <see cref="WriteTransactionProperties(Utf8JsonWriter, Transaction, Network, bool)"/>, and when
    /// <paramref name="spent"/> holds the coins the inputs spent (from the block's undo data, one per input) also
    /// Core's <c>fee</c> and, with <paramref name="showPrevouts"/>, each input's <c>prevout</c> (verbosity 3).
    /// </summary>
    public static void WriteTransactionProperties(this Utf8JsonWriter writer, Transaction transaction, Network network, bool includeHex, ReadOnlySpan<Coin> spent, bool showPrevouts)
    {
        bool haveUndo = !transaction.IsCoinbase && spent.Length == transaction.Inputs.Length;
        writer.WriteString("txid", transaction.Txid.ToString());
        writer.WriteString("hash", transaction.Wtxid.ToString());
        writer.WriteNumber("version", transaction.Version);
        writer.WriteNumber("size", transaction.TotalSize);
        writer.WriteNumber("vsize", transaction.VirtualSize);
        writer.WriteNumber("weight", transaction.Weight);
        writer.WriteNumber("locktime", transaction.LockTime);
        writer.WriteStartArray("vin");
        int inputIndex = 0;
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
            if (haveUndo && showPrevouts)
            {
                var coin = spent[inputIndex];
                writer.WriteStartObject("prevout");
                writer.WriteBoolean("generated", coin.IsCoinbase);
                writer.WriteNumber("height", coin.Height);
                writer.WriteAmount("value", coin.Output.Value);
                writer.WriteScriptPubKey("scriptPubKey", coin.Output.ScriptPubKey, network);
                writer.WriteEndObject();
            }
            inputIndex++;
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
        if (haveUndo)
        {
            long spentValue = 0;
            foreach (var coin in spent)
                spentValue += coin.Output.Value.Atoms;
            writer.WriteAmount("fee", new Money(spentValue - transaction.Outputs.Sum(o => o.Value.Atoms)));
        }
        if (includeHex)
            writer.WriteString("hex", transaction.ToHex());
    }
}
