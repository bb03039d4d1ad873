using System.Text.Json;
using Antimony.Consensus.Mempool;
using Antimony.Primitives.Amounts;
using Antimony.Rpc.Json;
using Antimony.Rpc.Server;

namespace Antimony.Rpc.Methods.Mempool;

/// <summary>
/// <c>testmempoolaccept ["rawtx",...] ( maxfeerate )</c>: whether each transaction would enter the mempool now, with
/// Core's result objects (txid, wtxid, allowed, vsize, fees, reject-reason); the pool is not changed. The pool's
/// own dry run (<see cref="TransactionPool.TestAccept(IReadOnlyList{Primitives.Transactions.Transaction})"/>) judges
/// them in order, each seeing the earlier allowed ones, with every policy <c>sendrawtransaction</c> would apply.
/// </summary>
internal sealed class TestMempoolAccept(NodeServices node) : IRpcMethod
{
    private const int MaxTransactions = 25;
    private static readonly RpcParameter[] Declared = [RpcParameter.Req("rawtxs"), RpcParameter.Opt("maxfeerate")];
    private static readonly Money DefaultMaxFeeRate = new(10_000_000);

    public string Name => "testmempoolaccept";

    public IReadOnlyList<RpcParameter> Parameters => Declared;

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        var pool = node.Pool;
        var raw = parameters.GetElement(0, JsonValueKind.Array);
        int count = raw.GetArrayLength();
        if (count is < 1 or > MaxTransactions)
            throw new RpcException(RpcErrorCode.InvalidParameter, $"Array must contain between 1 and {MaxTransactions} transactions.");
        var maxFeeRate = new FeeRate((parameters.GetOptionalAmount(1) ?? DefaultMaxFeeRate).Atoms);
        var transactions = new List<Primitives.Transactions.Transaction>(count);
        foreach (var item in raw.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
                throw new RpcException(RpcErrorCode.TypeError, $"JSON value of type {RpcParameters.TypeName(item.ValueKind)} is not of expected type string");
            string hex = item.GetString()!;
            byte[] bytes;
            try
            {
                bytes = Convert.FromHexString(hex);
            }
            catch (FormatException)
            {
                throw new RpcException(RpcErrorCode.DeserializationError, $"TX decode failed: {hex[..Math.Min(hex.Length, 64)]} Make sure the tx has at least one input.");
            }
            if (!Primitives.Transactions.Transaction.TryParse(bytes, out var transaction, out _))
                throw new RpcException(RpcErrorCode.DeserializationError, "TX decode failed. Make sure the tx has at least one input.");
            transactions.Add(transaction);
        }
        result.WriteStartArray();
        foreach (var outcome in pool.TestAccept(transactions))
        {
            result.WriteStartObject();
            result.WriteString("txid", outcome.Txid.ToString());
            result.WriteString("wtxid", outcome.Wtxid.ToString());
            string? reject = RejectReason(outcome);
            if (reject is null && maxFeeRate > FeeRate.Zero && outcome.Fee > maxFeeRate.GetFee(outcome.VirtualSize))
                reject = "max-fee-exceeded";
            result.WriteBoolean("allowed", reject is null);
            if (reject is null)
            {
                result.WriteNumber("vsize", outcome.VirtualSize);
                result.WriteStartObject("fees");
                result.WriteAmount("base", outcome.Fee);
                result.WriteAmount("effective-feerate", new Money(FeeRate.FromFee(outcome.Fee, outcome.VirtualSize).AtomsPerKilovirtualByte));
                result.WriteStartArray("effective-includes");
                result.WriteStringValue(outcome.Wtxid.ToString());
                result.WriteEndArray();
                result.WriteEndObject();
            }
            else
            {
                result.WriteString("reject-reason", reject);
            }
            result.WriteEndObject();
        }
        result.WriteEndArray();
        return ValueTask.CompletedTask;
    }

    // Core reports a transaction waiting for parents as "missing-inputs" (the orphan pool is not consulted).
    private static string? RejectReason(MempoolAcceptResult outcome) => outcome.Status switch
    {
        MempoolAcceptStatus.Accepted => null,
        MempoolAcceptStatus.Orphaned => "missing-inputs",
        _ when outcome.Code == MempoolRejectCodes.OrphanRefused => "missing-inputs",
        _ => outcome.Code,
    };
}
