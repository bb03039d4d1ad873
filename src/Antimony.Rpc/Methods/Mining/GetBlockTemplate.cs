using System.Globalization;
using System.Text.Json;
using Antimony.Consensus.Chain;
using Antimony.Consensus.Rules;
using Antimony.Consensus.Validation;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Transactions;
using Antimony.Rpc.Server;

namespace Antimony.Rpc.Methods.Mining;

/// <summary>
/// <c>getblocktemplate ( "template_request" )</c>: a BIP22/BIP23 template for pool software (the segwit rule must be
/// requested, as in Core), or in <c>proposal</c> mode a check of a block without its proof of work.
/// </summary>
internal sealed class GetBlockTemplate(ChainState chain, ConsensusRuleSet rules, TemplateFactory templates, NodeServices node, TimeProvider time) : IRpcMethod
{
    private static readonly RpcParameter[] Declared = [RpcParameter.Opt("template_request")];

    public string Name => "getblocktemplate";

    public IReadOnlyList<RpcParameter> Parameters => Declared;

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        JsonElement? request = parameters.Has(0) ? parameters.GetElement(0, JsonValueKind.Object) : null;
        string mode = "template";
        if (request is { } r && r.TryGetProperty("mode", out var modeElement) && modeElement.ValueKind != JsonValueKind.Null)
        {
            mode = modeElement.ValueKind == JsonValueKind.String ? modeElement.GetString()! : throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid mode");
        }
        if (mode == "proposal")
        {
            Propose(request!.Value, result);
            return ValueTask.CompletedTask;
        }
        if (mode != "template")
            throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid mode");
        if (!RequestsSegwit(request))
            throw new RpcException(RpcErrorCode.InvalidParameter, "getblocktemplate must be called with the segwit rule set (call with {\"rules\": [\"segwit\"]})");
        if (chain.Parameters.Name == "mainnet")
        {
            if (node.Network.Peers.Count == 0)
                throw new RpcException(-9, "Antimony is not connected!");
            if (ChainLookup.IsInitialBlockDownload(chain, time))
                throw new RpcException(-10, "Antimony is in initial sync and waiting for blocks...");
        }
        var template = templates.CreateForPool();
        WriteTemplate(result, template);
        return ValueTask.CompletedTask;
    }

    private static bool RequestsSegwit(JsonElement? request)
    {
        if (request is not { } r || !r.TryGetProperty("rules", out var ruleList) || ruleList.ValueKind != JsonValueKind.Array)
            return false;
        return ruleList.EnumerateArray().Any(rule => rule.ValueKind == JsonValueKind.String && rule.GetString() == "segwit");
    }

    private void WriteTemplate(Utf8JsonWriter result, Antimony.Mining.Templates.BlockTemplate template)
    {
        var pool = node.PoolOrNull;
        result.WriteStartObject();
        result.WriteStartArray("capabilities");
        result.WriteStringValue("proposal");
        result.WriteEndArray();
        result.WriteNumber("version", template.Version);
        result.WriteStartArray("rules");
        result.WriteStringValue("csv");
        result.WriteStringValue("!segwit");
        result.WriteStringValue("taproot");
        result.WriteEndArray();
        result.WriteStartObject("vbavailable");
        result.WriteEndObject();
        result.WriteNumber("vbrequired", 0);
        result.WriteString("previousblockhash", template.PreviousBlock.ToString());
        result.WriteStartArray("transactions");
        var positions = new Dictionary<Txid, int>();
        for (int i = 0; i < template.Transactions.Length; i++)
        {
            var transaction = template.Transactions[i];
            positions[transaction.Txid] = i + 1;
            result.WriteStartObject();
            result.WriteString("data", transaction.ToHex());
            result.WriteString("txid", transaction.Txid.ToString());
            result.WriteString("hash", transaction.Wtxid.ToString());
            result.WriteStartArray("depends");
            foreach (int parent in transaction.Inputs.Select(input => positions.GetValueOrDefault(input.PreviousOutput.Txid)).Where(p => p > 0 && p <= i).Distinct().Order())
                result.WriteNumberValue(parent);
            result.WriteEndArray();
            long fee = pool is not null && pool.TryGetEntry(transaction.Txid, out var entry) ? entry.Fee.Atoms : 0;
            result.WriteNumber("fee", fee);
            result.WriteNumber("sigops", 0);
            result.WriteNumber("weight", transaction.Weight);
            result.WriteEndObject();
        }
        result.WriteEndArray();
        result.WriteStartObject("coinbaseaux");
        result.WriteEndObject();
        result.WriteNumber("coinbasevalue", template.CoinbaseValue.Atoms);
        result.WriteString("longpollid", template.PreviousBlock.ToString() + (pool?.Count ?? 0).ToString(CultureInfo.InvariantCulture));
        result.WriteString("target", template.Target.ToString());
        result.WriteNumber("mintime", template.MinTime);
        result.WriteStartArray("mutable");
        result.WriteStringValue("time");
        result.WriteStringValue("transactions");
        result.WriteStringValue("prevblock");
        result.WriteEndArray();
        result.WriteString("noncerange", "00000000ffffffff");
        result.WriteNumber("sigoplimit", 80_000);
        result.WriteNumber("sizelimit", chain.Parameters.MaxBlockWeight);
        result.WriteNumber("weightlimit", chain.Parameters.MaxBlockWeight);
        result.WriteNumber("curtime", Math.Max(template.MinTime, (uint)Math.Clamp(time.GetUtcNow().ToUnixTimeSeconds(), 0, uint.MaxValue)));
        result.WriteString("bits", template.Bits.Value.ToString("x8", CultureInfo.InvariantCulture));
        result.WriteNumber("height", template.Height);
        result.WriteString("default_witness_commitment", template.WitnessCommitmentScript.ToString());
        result.WriteEndObject();
    }

    // BIP23 proposal: the header and block rules on the current tip, proof of work excepted; inputs are not connected.
    private void Propose(JsonElement request, Utf8JsonWriter result)
    {
        if (!request.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.String)
            throw new RpcException(RpcErrorCode.TypeError, "Missing data String key for proposal");
        string hex = data.GetString()!;
        if (hex.Length % 2 != 0 || !hex.All(char.IsAsciiHexDigit) || !Block.TryParse(Convert.FromHexString(hex), out var block, out _))
            throw new RpcException(RpcErrorCode.DeserializationError, "Block decode failed");
        if (chain.TryGetEntry(block.Hash, out var known))
        {
            string answer = known.IsInvalid ? "duplicate-invalid" : (known.Status & BlockStatus.HasData) != 0 ? "duplicate" : "duplicate-inconclusive";
            result.WriteStringValue(answer);
            return;
        }
        var tip = chain.Tip;
        if (block.Header.PreviousBlock != tip.Hash)
        {
            result.WriteStringValue("inconclusive-not-best-prevblk");
            return;
        }
        var header = rules.CheckHeader(new HeaderContext(block.Header, tip, chain.Parameters, time.GetUtcNow()));
        bool onlyProofOfWork = header.Reason == RejectReasons.HighHash && header.Detail == "hash above target";
        if (!header.IsValid && !onlyProofOfWork)
        {
            result.WriteStringValue(header.Code);
            return;
        }
        var body = rules.CheckBlock(new BlockContext(block, tip, chain.Parameters));
        if (body.IsValid)
            result.WriteNullValue();
        else
            result.WriteStringValue(body.Code);
    }
}
