using System.Text.Json;
using Antimony.Consensus.Mempool;
using Antimony.Primitives.Transactions;
using Antimony.Rpc.Json;

namespace Antimony.Rpc.Methods.Mempool;

/// <summary>A pooled transaction as Bitcoin Core's <c>entryToJSON</c> writes it (sizes, times, ancestor and descendant totals, fees, depends, spentby).</summary>
internal static class MempoolEntryJson
{
    public static void WriteEntry(this Utf8JsonWriter writer, MempoolEntryInfo entry, TransactionPool pool)
    {
        writer.WriteStartObject();
        writer.WriteNumber("vsize", entry.VirtualSize);
        writer.WriteNumber("weight", entry.Weight);
        writer.WriteNumber("time", entry.Time.ToUnixTimeSeconds());
        writer.WriteNumber("height", entry.Height);
        writer.WriteNumber("descendantcount", entry.DescendantCount);
        writer.WriteNumber("descendantsize", entry.DescendantSize);
        writer.WriteNumber("ancestorcount", entry.AncestorCount);
        writer.WriteNumber("ancestorsize", entry.AncestorSize);
        writer.WriteString("wtxid", entry.Transaction.Wtxid.ToString());
        writer.WriteStartObject("fees");
        writer.WriteAmount("base", entry.Fee);
        writer.WriteAmount("modified", entry.Fee);
        writer.WriteAmount("ancestor", entry.AncestorFees);
        writer.WriteAmount("descendant", entry.DescendantFees);
        writer.WriteEndObject();
        writer.WriteStartArray("depends");
        var parents = new HashSet<Txid>();
        foreach (var input in entry.Transaction.Inputs)
        {
            if (pool.Contains(input.PreviousOutput.Txid) && parents.Add(input.PreviousOutput.Txid))
                writer.WriteStringValue(input.PreviousOutput.Txid.ToString());
        }
        writer.WriteEndArray();
        writer.WriteStartArray("spentby");
        var children = new HashSet<Txid>();
        for (int i = 0; i < entry.Transaction.Outputs.Length; i++)
        {
            if (pool.TryGetSpender(new OutPoint(entry.Txid, (uint)i), out var spender) && children.Add(spender))
                writer.WriteStringValue(spender.ToString());
        }
        writer.WriteEndArray();
        // Full replace-by-fee: every transaction is replaceable, as in Core 28.
        writer.WriteBoolean("bip125-replaceable", true);
        writer.WriteBoolean("unbroadcast", false);
        writer.WriteEndObject();
    }
}
