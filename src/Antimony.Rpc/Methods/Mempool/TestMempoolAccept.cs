using System.Text.Json;
using Antimony.Consensus.Chain;
using Antimony.Consensus.Mempool;
using Antimony.Consensus.Rules;
using Antimony.Primitives.Amounts;
using Antimony.Rpc.Json;
using Antimony.Rpc.Server;

namespace Antimony.Rpc.Methods.Mempool;

/// <summary>
/// <c>testmempoolaccept ["rawtx",...] ( maxfeerate )</c>: whether each transaction would enter the mempool now, with
/// Core's result objects (txid, wtxid, allowed, vsize, fees, reject-reason); the pool is not changed. Transactions
/// are judged one by one against the chain and the pool (no package evaluation).
/// </summary>
internal sealed class TestMempoolAccept(ChainState chain, ConsensusRuleSet rules, NodeServices node) : IRpcMethod
{
    private const int MaxTransactions = 25;
    private static readonly RpcParameter[] Declared = [RpcParameter.Req("rawtxs"), RpcParameter.Opt("maxfeerate")];
    private static readonly Money DefaultMaxFeeRate = new(10_000_000);

    public string Name => "testmempoolaccept";

    public IReadOnlyList<RpcParameter> Parameters => Declared;

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        var dryRun = new MempoolDryRun(chain, rules, node.Pool);
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
        foreach (var transaction in transactions)
        {
            var outcome = dryRun.Evaluate(transaction);
            result.WriteStartObject();
            result.WriteString("txid", transaction.Txid.ToString());
            result.WriteString("wtxid", transaction.Wtxid.ToString());
            if (outcome.Allowed && maxFeeRate > FeeRate.Zero && outcome.Fee > maxFeeRate.GetFee(transaction.VirtualSize))
                outcome = DryRunResult.Reject("max-fee-exceeded", outcome.Fee);
            result.WriteBoolean("allowed", outcome.Allowed);
            if (outcome.Allowed)
            {
                result.WriteNumber("vsize", transaction.VirtualSize);
                result.WriteStartObject("fees");
                result.WriteAmount("base", outcome.Fee!.Value);
                result.WriteAmount("effective-feerate", new Money(FeeRate.FromFee(outcome.Fee.Value, transaction.VirtualSize).AtomsPerKilovirtualByte));
                result.WriteStartArray("effective-includes");
                result.WriteStringValue(transaction.Wtxid.ToString());
                result.WriteEndArray();
                result.WriteEndObject();
            }
            else
            {
                result.WriteString("reject-reason", outcome.RejectReason);
            }
            result.WriteEndObject();
        }
        result.WriteEndArray();
        return ValueTask.CompletedTask;
    }
}
