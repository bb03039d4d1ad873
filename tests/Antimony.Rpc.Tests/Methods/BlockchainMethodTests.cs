using System.Text.Json;
using Antimony.Rpc.Tests.Support;

namespace Antimony.Rpc.Tests.Methods;

/// <summary>getblockcount, getbestblockhash, getblockhash, getblockheader, getblock and getblockchaininfo, checked against the chain.</summary>
public sealed class BlockchainMethodTests : IClassFixture<MinedNodeFixture>
{
    private readonly MinedNodeFixture _fixture;
    private readonly RpcTestNode _node;

    public BlockchainMethodTests(MinedNodeFixture fixture)
    {
        _fixture = fixture;
        _node = fixture.Node;
    }

    [Fact]
    public async Task Generatetoaddress_mined_every_block_onto_the_active_chain()
    {
        Assert.Equal(111, _fixture.Blocks.Count);
        for (int height = 1; height <= 111; height++)
            Assert.Equal(_node.Chain.GetActiveEntry(height)!.Hash.ToString(), _fixture.Blocks[height - 1]);
        Assert.Equal(111, (await _node.CallAsync("getblockcount")).GetInt32());
        Assert.Equal(_node.Chain.Tip.Hash.ToString(), (await _node.CallAsync("getbestblockhash")).GetString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(57)]
    [InlineData(111)]
    public async Task Getblockhash_is_the_active_chain_hash_at_the_height(int height)
    {
        Assert.Equal(_node.Chain.GetActiveEntry(height)!.Hash.ToString(), (await _node.CallAsync("getblockhash", $"[{height}]")).GetString());
        Assert.Equal(_node.Chain.GetActiveEntry(height)!.Hash.ToString(), (await _node.CallAsync("getblockhash", $$"""{"height":{{height}}}""")).GetString());
    }

    [Theory]
    [InlineData("[112]", -8)]
    [InlineData("[-1]", -8)]
    [InlineData("[\"1\"]", -3)]
    [InlineData("[1.5]", -3)]
    [InlineData("[]", -1)]
    [InlineData("[1,2]", -1)]
    [InlineData("{\"heigth\":1}", -8)]
    public async Task Getblockhash_rejects_bad_heights_with_cores_codes(string parameters, int code)
    {
        Assert.Equal(code, (await _node.CallErrorAsync("getblockhash", parameters)).Code);
    }

    [Fact]
    public async Task Getblockheader_matches_the_chain_entry()
    {
        var entry = _node.Chain.GetActiveEntry(50)!;
        var header = await _node.CallAsync("getblockheader", $"[\"{entry.Hash}\"]");
        Assert.Equal(entry.Hash.ToString(), header.GetProperty("hash").GetString());
        Assert.Equal(50, header.GetProperty("height").GetInt32());
        Assert.Equal(_node.Chain.Tip.Height - 50 + 1, header.GetProperty("confirmations").GetInt32());
        Assert.Equal(entry.Header.MerkleRoot.ToString(), header.GetProperty("merkleroot").GetString());
        Assert.Equal(entry.Previous!.Hash.ToString(), header.GetProperty("previousblockhash").GetString());
        Assert.Equal(_node.Chain.GetActiveEntry(51)!.Hash.ToString(), header.GetProperty("nextblockhash").GetString());
        Assert.Equal(entry.Header.Time, header.GetProperty("time").GetUInt32());
        Assert.Equal(entry.MedianTimePast, header.GetProperty("mediantime").GetUInt32());
        Assert.Equal(entry.ChainWork.ToString(), header.GetProperty("chainwork").GetString());
        Assert.Equal(1, header.GetProperty("nTx").GetInt32());
        Assert.Equal(Convert.ToHexStringLower(entry.Header.ToBytes()), (await _node.CallAsync("getblockheader", $"[\"{entry.Hash}\",false]")).GetString());
    }

    [Fact]
    public async Task Getblock_verbosity_0_is_the_serialized_block()
    {
        var entry = _node.Chain.Tip;
        Assert.True(_node.Chain.TryGetBlock(entry.Hash, out var block));
        Assert.Equal(Convert.ToHexStringLower(block.ToBytes()), (await _node.CallAsync("getblock", $"[\"{entry.Hash}\",0]")).GetString());
    }

    [Fact]
    public async Task Getblock_verbosity_1_lists_txids_and_sizes()
    {
        var entry = _node.Chain.Tip;
        Assert.True(_node.Chain.TryGetBlock(entry.Hash, out var block));
        foreach (string verbosity in new[] { "1", "true" })
        {
            var json = await _node.CallAsync("getblock", $"[\"{entry.Hash}\",{verbosity}]");
            Assert.Equal(block.Transactions.Select(t => t.Txid.ToString()), json.GetProperty("tx").EnumerateArray().Select(t => t.GetString()));
            Assert.Equal(block.SerializedSize, json.GetProperty("size").GetInt32());
            Assert.Equal(block.Weight, json.GetProperty("weight").GetInt32());
            Assert.Equal(block.BaseSize, json.GetProperty("strippedsize").GetInt32());
            Assert.Equal(111, json.GetProperty("height").GetInt32());
            Assert.False(json.TryGetProperty("nextblockhash", out _));
        }
        Assert.Equal(JsonValueKind.Array, (await _node.CallAsync("getblock", $"[\"{entry.Hash}\"]")).GetProperty("tx").ValueKind);
    }

    [Fact]
    public async Task Getblock_verbosity_2_decodes_each_transaction_like_core()
    {
        var json = await _node.CallAsync("getblock", $"[\"{_node.Chain.Tip.Hash}\",2]");
        var transactions = json.GetProperty("tx").EnumerateArray().ToList();
        Assert.Equal(2, transactions.Count);
        Assert.True(transactions[0].GetProperty("vin")[0].TryGetProperty("coinbase", out _));
        var spend = transactions[1];
        var expected = _fixture.Confirmed;
        Assert.Equal(expected.Txid.ToString(), spend.GetProperty("txid").GetString());
        Assert.Equal(expected.Wtxid.ToString(), spend.GetProperty("hash").GetString());
        Assert.Equal(expected.ToHex(), spend.GetProperty("hex").GetString());
        Assert.Equal(expected.VirtualSize, spend.GetProperty("vsize").GetInt32());
        Assert.Equal(expected.Inputs[0].PreviousOutput.Txid.ToString(), spend.GetProperty("vin")[0].GetProperty("txid").GetString());
        Assert.Equal(64, Convert.FromHexString(spend.GetProperty("vin")[0].GetProperty("txinwitness")[0].GetString()!).Length);
        var output = spend.GetProperty("vout")[0];
        Assert.Equal(expected.Outputs[0].Value.ToCoins(), output.GetProperty("value").GetDecimal());
        Assert.Equal("witness_v1_taproot", output.GetProperty("scriptPubKey").GetProperty("type").GetString());
        Assert.Equal(RpcTestNode.MinerAddress(1), output.GetProperty("scriptPubKey").GetProperty("address").GetString());
        Assert.StartsWith("rawtr(", output.GetProperty("scriptPubKey").GetProperty("desc").GetString());
        Assert.StartsWith("1 ", output.GetProperty("scriptPubKey").GetProperty("asm").GetString());
    }

    [Theory]
    [InlineData("[\"0000000000000000000000000000000000000000000000000000000000000001\"]", -5)]
    [InlineData("[\"00\"]", -8)]
    [InlineData("[\"zz00000000000000000000000000000000000000000000000000000000000000\"]", -8)]
    [InlineData("[5]", -3)]
    public async Task Getblock_and_getblockheader_reject_unknown_or_malformed_hashes(string parameters, int code)
    {
        Assert.Equal(code, (await _node.CallErrorAsync("getblock", parameters)).Code);
        Assert.Equal(code, (await _node.CallErrorAsync("getblockheader", parameters)).Code);
    }

    [Fact]
    public async Task Getblockchaininfo_describes_the_tip()
    {
        var info = await _node.CallAsync("getblockchaininfo");
        var tip = _node.Chain.Tip;
        Assert.Equal("regtest", info.GetProperty("chain").GetString());
        Assert.Equal(tip.Height, info.GetProperty("blocks").GetInt32());
        Assert.Equal(tip.Height, info.GetProperty("headers").GetInt32());
        Assert.Equal(tip.Hash.ToString(), info.GetProperty("bestblockhash").GetString());
        Assert.Equal(tip.ChainWork.ToString(), info.GetProperty("chainwork").GetString());
        Assert.Equal(tip.MedianTimePast, info.GetProperty("mediantime").GetUInt32());
        Assert.False(info.GetProperty("initialblockdownload").GetBoolean());
        Assert.True(info.GetProperty("difficulty").GetDouble() > 0);
    }
}
