using System.Text.Json;
using Antimony.Rpc.Json;
using Antimony.Rpc.Server;
using Antimony.Wallet.Hosting;

namespace Antimony.Rpc.Methods.Wallet;

/// <summary><c>listtransactions ( "label" count skip include_watchonly )</c>: the most recent wallet entries, oldest first, in Core's shape.</summary>
internal sealed class ListTransactions(NodeServices node) : IRpcMethod
{
    private static readonly RpcParameter[] Declared = [RpcParameter.Opt("label"), RpcParameter.Opt("count"), RpcParameter.Opt("skip"), RpcParameter.Opt("include_watchonly")];

    public string Name => "listtransactions";

    public IReadOnlyList<RpcParameter> Parameters => Declared;

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        var wallet = node.Wallet;
        string? label = parameters.GetOptionalString(0);
        int count = parameters.GetOptionalInt32(1) ?? 10;
        int skip = parameters.GetOptionalInt32(2) ?? 0;
        _ = parameters.GetOptionalBoolean(3);
        if (count < 0)
            throw new RpcException(RpcErrorCode.InvalidParameter, "Negative count");
        if (skip < 0)
            throw new RpcException(RpcErrorCode.InvalidParameter, "Negative from");
        // A label filter applies before paging, as in Core; fetch everything then page here.
        var records = label is null or "*"
            ? wallet.ListTransactions(count, skip)
            : Page(wallet.ListTransactions(int.MaxValue, 0).Where(r => r.Label == label).ToList(), count, skip);
        result.WriteStartArray();
        foreach (var record in records)
            Write(result, record);
        result.WriteEndArray();
        return ValueTask.CompletedTask;
    }

    private static List<WalletTransactionRecord> Page(List<WalletTransactionRecord> all, int count, int skip)
    {
        int end = Math.Max(0, all.Count - skip);
        int start = Math.Max(0, end - count);
        return all.GetRange(start, end - start);
    }

    private static void Write(Utf8JsonWriter result, WalletTransactionRecord record)
    {
        result.WriteStartObject();
        if (record.Address is { } address)
            result.WriteString("address", address.ToString());
        result.WriteString("category", record.Category.ToString().ToLowerInvariant());
        result.WriteAmount("amount", record.Amount);
        if (record.Label is not null)
            result.WriteString("label", record.Label);
        result.WriteNumber("vout", record.Vout);
        if (record.Fee is { } fee)
            result.WriteAmount("fee", fee);
        result.WriteNumber("confirmations", record.Confirmations);
        if (record.Category is WalletTransactionCategory.Generate or WalletTransactionCategory.Immature or WalletTransactionCategory.Orphan)
            result.WriteBoolean("generated", true);
        if (record.BlockHash is { } blockHash)
        {
            result.WriteString("blockhash", blockHash.ToString());
            result.WriteNumber("blockheight", record.BlockHeight ?? 0);
            result.WriteNumber("blocktime", record.Time.ToUnixTimeSeconds());
        }
        result.WriteString("txid", record.Txid.ToString());
        result.WriteNumber("time", record.Time.ToUnixTimeSeconds());
        result.WriteNumber("timereceived", record.Time.ToUnixTimeSeconds());
        result.WriteString("bip125-replaceable", record.Confirmations > 0 ? "no" : "yes");
        result.WriteBoolean("abandoned", record.Abandoned);
        result.WriteEndObject();
    }
}
