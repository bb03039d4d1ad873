using System.Text.Json;
using Antimony.Consensus.Parameters;
using Antimony.Mining.Search;
using Antimony.Mining.Templates;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Transactions;
using Antimony.Rpc.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Antimony.Rpc.Tests.Methods;

/// <summary>getmininginfo, getblocktemplate, submitblock and generatetoaddress.</summary>
public sealed class MiningMethodTests
{
    [Fact]
    public async Task Getblocktemplate_needs_the_segwit_rule_and_describes_the_next_block()
    {
        await using var node = await RpcTestNode.StartAsync();
        await node.GenerateAsync(101);
        var spend = Spends.FromCoinbase(node.Chain, 1, MinedNodeFixture.Fee);
        await node.CallAsync("sendrawtransaction", $"[\"{spend.ToHex()}\"]");
        Assert.Equal(-8, (await node.CallErrorAsync("getblocktemplate")).Code);
        Assert.Equal(-8, (await node.CallErrorAsync("getblocktemplate", """[{"rules":[]}]""")).Code);
        Assert.Equal(-8, (await node.CallErrorAsync("getblocktemplate", """[{"mode":"bogus","rules":["segwit"]}]""")).Code);
        var template = await node.CallAsync("getblocktemplate", """[{"rules":["segwit"]}]""");
        var tip = node.Chain.Tip;
        Assert.Equal(tip.Height + 1, template.GetProperty("height").GetInt32());
        Assert.Equal(tip.Hash.ToString(), template.GetProperty("previousblockhash").GetString());
        var transactions = template.GetProperty("transactions").EnumerateArray().ToList();
        var only = Assert.Single(transactions);
        Assert.Equal(spend.Txid.ToString(), only.GetProperty("txid").GetString());
        Assert.Equal(spend.ToHex(), only.GetProperty("data").GetString());
        Assert.Equal(MinedNodeFixture.Fee.Atoms, only.GetProperty("fee").GetInt64());
        Assert.Equal(ChainParameters.Regtest.GetBlockSubsidy(tip.Height + 1).Atoms + MinedNodeFixture.Fee.Atoms, template.GetProperty("coinbasevalue").GetInt64());
        Assert.Equal(tip.MedianTimePast + 1, template.GetProperty("mintime").GetUInt32());
        Assert.Equal(64, template.GetProperty("target").GetString()!.Length);
        Assert.StartsWith("6a24aa21a9ed", template.GetProperty("default_witness_commitment").GetString());
        Assert.Contains("proposal", template.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Submitblock_connects_a_mined_block_and_reports_duplicates_and_rejections_as_bip22_strings()
    {
        await using var node = await RpcTestNode.StartAsync();
        await node.GenerateAsync(1);
        var block = MineLocally(node);
        Assert.Equal("inconclusive-not-best-prevblk", (await node.CallAsync("getblocktemplate", $$"""[{"mode":"proposal","data":"{{Hex(MineLocally(node, node.Chain.Tip.Previous!))}}"}]""")).GetString());
        Assert.Equal(JsonValueKind.Null, (await node.CallAsync("getblocktemplate", $$"""[{"mode":"proposal","data":"{{Hex(block)}}"}]""")).ValueKind);
        Assert.Equal(JsonValueKind.Null, (await node.CallAsync("submitblock", $"[\"{Hex(block)}\"]")).ValueKind);
        Assert.Equal(block.Hash, node.Chain.Tip.Hash);
        Assert.Equal("duplicate", (await node.CallAsync("submitblock", $"[\"{Hex(block)}\"]")).GetString());
        Assert.Equal("duplicate", (await node.CallAsync("getblocktemplate", $$"""[{"mode":"proposal","data":"{{Hex(block)}}"}]""")).GetString());

        var next = MineLocally(node);
        var badMerkle = new Block(next.Header with { MerkleRoot = default }, next.Transactions);
        Assert.Equal("bad-txnmrklroot", (await node.CallAsync("getblocktemplate", $$"""[{"mode":"proposal","data":"{{Hex(badMerkle)}}"}]""")).GetString());
        string result = (await node.CallAsync("submitblock", $"[\"{Hex(badMerkle)}\"]")).GetString()!;
        Assert.True(result is "high-hash" or "bad-txnmrklroot", result);
        Assert.Equal(-22, (await node.CallErrorAsync("submitblock", "[\"00\"]")).Code);
        Assert.Equal(-8, (await node.CallErrorAsync("submitblock", "[\"0g\"]")).Code);
    }

    [Fact]
    public async Task Getmininginfo_reports_height_difficulty_and_pool_size()
    {
        await using var node = await RpcTestNode.StartAsync();
        await node.GenerateAsync(5);
        var info = await node.CallAsync("getmininginfo");
        Assert.Equal(5, info.GetProperty("blocks").GetInt32());
        Assert.Equal("regtest", info.GetProperty("chain").GetString());
        Assert.Equal(node.Pool.Count, info.GetProperty("pooledtx").GetInt32());
        Assert.True(info.GetProperty("difficulty").GetDouble() > 0);
        Assert.False(info.GetProperty("generate").GetBoolean());
        Assert.True(info.GetProperty("networkhashps").GetDouble() >= 0);
    }

    [Fact]
    public async Task Generatetoaddress_validates_its_arguments_and_honours_maxtries()
    {
        await using var node = await RpcTestNode.StartAsync();
        Assert.Equal(-5, (await node.CallErrorAsync("generatetoaddress", "[1,\"notanaddress\"]")).Code);
        Assert.Equal(-5, (await node.CallErrorAsync("generatetoaddress", $"[1,\"{RpcTestNode.MinerAddress().Replace("ratmn", "atmn", StringComparison.Ordinal)}\"]")).Code);
        Assert.Equal(-3, (await node.CallErrorAsync("generatetoaddress", $"[\"1\",\"{RpcTestNode.MinerAddress()}\"]")).Code);
        Assert.Empty(await node.GenerateAsync(0));
        Assert.Empty((await node.CallAsync("generatetoaddress", $"[3,\"{RpcTestNode.MinerAddress()}\",0]")).EnumerateArray());
        Assert.Equal(0, node.Chain.Tip.Height);
        var mined = await node.GenerateAsync(3, RpcTestNode.MinerAddress(2));
        Assert.Equal(3, mined.Count);
        Assert.True(node.Chain.TryGetBlock(node.Chain.Tip.Hash, out var tip));
        Assert.Equal(RpcTestNode.Keys.Scripts[2], tip.Transactions[0].Outputs[0].ScriptPubKey);
    }

    [Fact]
    public async Task Generatetoaddress_is_refused_outside_regtest_and_devnet()
    {
        await using var node = await RpcTestNode.StartAsync(network: ChainParameters.Testnet);
        var address = Primitives.Addresses.SegwitAddress.FromScript(RpcTestNode.Keys.Scripts[0], ChainParameters.Testnet.Network);
        Assert.Equal(-32601, (await node.CallErrorAsync("generatetoaddress", $"[1,\"{address}\"]")).Code);
    }

    private static string Hex(Block block) => Convert.ToHexStringLower(block.ToBytes());

    // Mines a block on `parent` (the tip by default) with the Mining package's assembler and search, outside RPC.
    private static Block MineLocally(RpcTestNode node, Consensus.Chain.ChainEntry? parent = null)
    {
        var template = node.Services.GetRequiredService<BlockAssembler>().Create(parent ?? node.Chain.Tip);
        var coinbase = template.CreateCoinbase(7);
        var header = template.CreateHeader(coinbase, template.Time, 0);
        Span<byte> target = stackalloc byte[32];
        template.Target.WriteLittleEndian(target);
        var found = NonceSearch.Search(new HeaderTemplate(header.ToBytes(), target), 0, 1 << 16);
        return template.CreateBlock(header with { Nonce = found.Nonces[0] }, coinbase);
    }
}
