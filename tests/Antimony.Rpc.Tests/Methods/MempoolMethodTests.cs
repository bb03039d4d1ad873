using System.Text.Json;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Transactions;
using Antimony.Rpc.Tests.Support;

namespace Antimony.Rpc.Tests.Methods;

/// <summary>Raw transactions and the mempool: getrawtransaction, decoderawtransaction, sendrawtransaction, testmempoolaccept, getmempoolinfo, getrawmempool, getmempoolentry.</summary>
public sealed class MempoolMethodTests : IClassFixture<MinedNodeFixture>
{
    private readonly MinedNodeFixture _fixture;
    private readonly RpcTestNode _node;

    public MempoolMethodTests(MinedNodeFixture fixture)
    {
        _fixture = fixture;
        _node = fixture.Node;
    }

    [Fact]
    public async Task Getrawtransaction_finds_pooled_transactions_and_confirmed_ones_given_their_block()
    {
        var pending = _fixture.Pending;
        Assert.Equal(pending.ToHex(), (await _node.CallAsync("getrawtransaction", $"[\"{pending.Txid}\"]")).GetString());
        var decoded = await _node.CallAsync("getrawtransaction", $"[\"{pending.Txid}\",true]");
        Assert.Equal(pending.Txid.ToString(), decoded.GetProperty("txid").GetString());
        Assert.False(decoded.TryGetProperty("blockhash", out _));

        var confirmed = _fixture.Confirmed;
        Assert.Equal(-5, (await _node.CallErrorAsync("getrawtransaction", $"[\"{confirmed.Txid}\"]")).Code);
        string block = _fixture.Blocks[^1];
        var inBlock = await _node.CallAsync("getrawtransaction", $"[\"{confirmed.Txid}\",1,\"{block}\"]");
        Assert.True(inBlock.GetProperty("in_active_chain").GetBoolean());
        Assert.Equal(block, inBlock.GetProperty("blockhash").GetString());
        Assert.Equal(_node.Chain.Tip.Height - 111 + 1, inBlock.GetProperty("confirmations").GetInt32());
        Assert.Equal(confirmed.ToHex(), inBlock.GetProperty("hex").GetString());
        Assert.Equal(-5, (await _node.CallErrorAsync("getrawtransaction", $"[\"{pending.Txid}\",0,\"{block}\"]")).Code);
    }

    [Fact]
    public async Task Decoderawtransaction_reports_the_fields_without_hex()
    {
        var tx = _fixture.Confirmed;
        var json = await _node.CallAsync("decoderawtransaction", $"[\"{tx.ToHex()}\"]");
        Assert.Equal(tx.Txid.ToString(), json.GetProperty("txid").GetString());
        Assert.Equal(tx.Wtxid.ToString(), json.GetProperty("hash").GetString());
        Assert.Equal(tx.Version, json.GetProperty("version").GetInt32());
        Assert.Equal(tx.TotalSize, json.GetProperty("size").GetInt32());
        Assert.Equal(tx.Weight, json.GetProperty("weight").GetInt32());
        Assert.Equal(tx.Inputs[0].Sequence, json.GetProperty("vin")[0].GetProperty("sequence").GetUInt32());
        Assert.Equal(0, json.GetProperty("vout")[0].GetProperty("n").GetInt32());
        Assert.False(json.TryGetProperty("hex", out _));
        Assert.Equal(-22, (await _node.CallErrorAsync("decoderawtransaction", "[\"00\"]")).Code);
        Assert.Equal(-8, (await _node.CallErrorAsync("decoderawtransaction", "[\"xyz\"]")).Code);
    }

    [Fact]
    public async Task Sendrawtransaction_answers_cores_codes_for_each_failure()
    {
        var pending = _fixture.Pending;
        // Re-sending a pooled transaction returns its txid.
        Assert.Equal(pending.Txid.ToString(), (await _node.CallAsync("sendrawtransaction", $"[\"{pending.ToHex()}\"]")).GetString());
        Assert.Equal(-27, (await _node.CallErrorAsync("sendrawtransaction", $"[\"{_fixture.Confirmed.ToHex()}\"]")).Code);
        var missing = Spends.Spend(new OutPoint(new Txid(Primitives.Hashing.Hash256.Parse(new string('1', 64))), 0), new TxOut(Money.FromCoins(1), RpcTestNode.Keys.Scripts[0]), MinedNodeFixture.Fee);
        Assert.Equal(-25, (await _node.CallErrorAsync("sendrawtransaction", $"[\"{missing.ToHex()}\"]")).Code);
        var lowFee = Spends.FromCoinbase(_node.Chain, 3, Money.Zero);
        var (code, message) = await _node.CallErrorAsync("sendrawtransaction", $"[\"{lowFee.ToHex()}\"]");
        Assert.Equal(-26, code);
        Assert.StartsWith("min relay fee not met", message);
        var greedy = Spends.FromCoinbase(_node.Chain, 4, Money.FromCoins(1));
        Assert.Equal(-25, (await _node.CallErrorAsync("sendrawtransaction", $"[\"{greedy.ToHex()}\"]")).Code);
        Assert.Equal(-22, (await _node.CallErrorAsync("sendrawtransaction", "[\"0000\"]")).Code);
        Assert.False(_node.Pool.Contains(lowFee.Txid));
        Assert.False(_node.Pool.Contains(greedy.Txid));
    }

    [Fact]
    public async Task Testmempoolaccept_judges_without_changing_the_pool()
    {
        var fresh = Spends.FromCoinbase(_node.Chain, 5, MinedNodeFixture.Fee);
        var unsigned = new TransactionBuilder().AddInput(fresh.Inputs[0].PreviousOutput).AddOutput(Money.FromCoins(1), RpcTestNode.Keys.Scripts[1]).Build();
        var results = (await _node.CallAsync("testmempoolaccept", $"[[\"{fresh.ToHex()}\",\"{_fixture.Pending.ToHex()}\",\"{unsigned.ToHex()}\"]]")).EnumerateArray().ToList();
        Assert.True(results[0].GetProperty("allowed").GetBoolean());
        Assert.Equal(fresh.Txid.ToString(), results[0].GetProperty("txid").GetString());
        Assert.Equal(fresh.VirtualSize, results[0].GetProperty("vsize").GetInt32());
        Assert.Equal(0.0001m, results[0].GetProperty("fees").GetProperty("base").GetDecimal());
        Assert.False(results[1].GetProperty("allowed").GetBoolean());
        Assert.Equal("txn-already-in-mempool", results[1].GetProperty("reject-reason").GetString());
        Assert.False(results[2].GetProperty("allowed").GetBoolean());
        Assert.False(_node.Pool.Contains(fresh.Txid));
        Assert.Equal(-8, (await _node.CallErrorAsync("testmempoolaccept", "[[]]")).Code);
        Assert.Equal(-22, (await _node.CallErrorAsync("testmempoolaccept", "[[\"00\"]]")).Code);
        Assert.Equal(-3, (await _node.CallErrorAsync("testmempoolaccept", "[\"notanarray\"]")).Code);
    }

    [Fact]
    public async Task Mempool_views_match_the_pool()
    {
        var pending = _fixture.Pending;
        var info = await _node.CallAsync("getmempoolinfo");
        Assert.Equal(_node.Pool.Count, info.GetProperty("size").GetInt32());
        Assert.True(info.GetProperty("loaded").GetBoolean());
        Assert.Equal(0.00001m, info.GetProperty("minrelaytxfee").GetDecimal());
        Assert.Equal(_node.Pool.GetEntries().Sum(e => e.VirtualSize), info.GetProperty("bytes").GetInt64());

        var ids = (await _node.CallAsync("getrawmempool")).EnumerateArray().Select(e => e.GetString()!).ToHashSet();
        Assert.Equal(_node.Pool.GetEntries().Select(e => e.Txid.ToString()).ToHashSet(), ids);
        Assert.Contains(pending.Txid.ToString(), ids);

        var verbose = await _node.CallAsync("getrawmempool", "[true]");
        var entry = verbose.GetProperty(pending.Txid.ToString());
        Assert.Equal(pending.VirtualSize, entry.GetProperty("vsize").GetInt32());
        Assert.Equal(0.0001m, entry.GetProperty("fees").GetProperty("base").GetDecimal());
        Assert.Equal(1, entry.GetProperty("ancestorcount").GetInt32());
        Assert.Equal(pending.Wtxid.ToString(), entry.GetProperty("wtxid").GetString());

        var single = await _node.CallAsync("getmempoolentry", $"[\"{pending.Txid}\"]");
        Assert.Equal(entry.GetProperty("vsize").GetInt32(), single.GetProperty("vsize").GetInt32());
        Assert.Equal(_node.Chain.Tip.Height, single.GetProperty("height").GetInt32());
        Assert.Equal(-5, (await _node.CallErrorAsync("getmempoolentry", $"[\"{_fixture.Confirmed.Txid}\"]")).Code);
        Assert.Equal(-8, (await _node.CallErrorAsync("getrawmempool", "[true,true]")).Code);
    }

    [Fact]
    public async Task A_child_in_the_pool_is_listed_as_depending_on_its_parent()
    {
        var parent = Spends.FromCoinbase(_node.Chain, 6, MinedNodeFixture.Fee);
        await _node.CallAsync("sendrawtransaction", $"[\"{parent.ToHex()}\"]");
        var child = Spends.Spend(new OutPoint(parent.Txid, 0), parent.Outputs[0], MinedNodeFixture.Fee, to: 2);
        // The child pays key 2 from key 1's output: sign with the ring (which holds both keys).
        await _node.CallAsync("sendrawtransaction", $"[\"{child.ToHex()}\"]");
        var entry = await _node.CallAsync("getmempoolentry", $"[\"{child.Txid}\"]");
        Assert.Equal([parent.Txid.ToString()], entry.GetProperty("depends").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, entry.GetProperty("ancestorcount").GetInt32());
        var parentEntry = await _node.CallAsync("getmempoolentry", $"[\"{parent.Txid}\"]");
        Assert.Equal([child.Txid.ToString()], parentEntry.GetProperty("spentby").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Object, parentEntry.GetProperty("fees").ValueKind);
    }
}
