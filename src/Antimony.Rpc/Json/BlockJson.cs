using System.Globalization;
using System.Text.Json;
using Antimony.Consensus.Chain;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Networks;

namespace Antimony.Rpc.Json;

/// <summary>Headers and blocks as Bitcoin Core's <c>blockheaderToJSON</c> and <c>blockToJSON</c> write them.</summary>
internal static class BlockJson
{
    /// <summary>Writes the header fields of <paramref name="entry"/> into an open object; confirmations are -1 off the active chain.</summary>
    public static void WriteHeaderProperties(this Utf8JsonWriter writer, ChainState chain, ChainEntry entry, int transactionCount)
    {
        var tip = chain.Tip;
        bool active = ReferenceEquals(tip.GetAncestor(entry.Height), entry);
        var header = entry.Header;
        writer.WriteString("hash", entry.Hash.ToString());
        writer.WriteNumber("confirmations", active ? tip.Height - entry.Height + 1 : -1);
        writer.WriteNumber("height", entry.Height);
        writer.WriteNumber("version", header.Version);
        writer.WriteString("versionHex", header.Version.ToString("x8", CultureInfo.InvariantCulture));
        writer.WriteString("merkleroot", header.MerkleRoot.ToString());
        writer.WriteNumber("time", header.Time);
        writer.WriteNumber("mediantime", entry.MedianTimePast);
        writer.WriteNumber("nonce", header.Nonce);
        writer.WriteString("bits", header.Bits.Value.ToString("x8", CultureInfo.InvariantCulture));
        writer.WriteString("target", header.Bits.ToTarget().ToString());
        writer.WriteNumber("difficulty", Difficulty.Of(header.Bits));
        writer.WriteString("chainwork", entry.ChainWork.ToString());
        if (transactionCount >= 0)
            writer.WriteNumber("nTx", transactionCount);
        if (entry.Previous is { } previous)
            writer.WriteString("previousblockhash", previous.Hash.ToString());
        if (active && tip.GetAncestor(entry.Height + 1) is { } next)
            writer.WriteString("nextblockhash", next.Hash.ToString());
    }

    /// <summary>
    /// Writes a whole block object: verbosity 1 lists txids, 2 (and above) decodes each transaction with its hex,
    /// as Core does.
    /// </summary>
    public static void WriteBlock(this Utf8JsonWriter writer, ChainState chain, ChainEntry entry, Block block, int verbosity, Network network)
    {
        writer.WriteStartObject();
        writer.WriteHeaderProperties(chain, entry, block.Transactions.Length);
        writer.WriteNumber("strippedsize", block.BaseSize);
        writer.WriteNumber("size", block.SerializedSize);
        writer.WriteNumber("weight", block.Weight);
        writer.WriteStartArray("tx");
        foreach (var transaction in block.Transactions)
        {
            if (verbosity <= 1)
            {
                writer.WriteStringValue(transaction.Txid.ToString());
                continue;
            }
            writer.WriteStartObject();
            writer.WriteTransactionProperties(transaction, network, includeHex: true);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
