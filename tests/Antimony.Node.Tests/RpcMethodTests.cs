using System.Text.Json;
using Antimony.Node.Tests.Support;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Transactions;

namespace Antimony.Node.Tests;

/// <summary>Every JSON-RPC method of CONTRACTS.md §3 over HTTP against the devnet pair, checked against the chain.</summary>
[Collection(DevnetPairCollection.Name)]
public sealed class RpcMethodTests(DevnetPair pair)
{
    private RpcClient A => pair.A.Rpc;

    private RpcClient B => pair.B.Rpc;

    [Fact]
    public async Task Chain_methods_agree_with_each_other_and_with_the_blocks_themselves()
    {
        var info = await B.CallAsync("getblockchaininfo");
        Assert.Equal("devnet", info.GetProperty("chain").GetString());
        int height = (await B.CallAsync("getblockcount")).GetInt32();
        Assert.InRange(info.GetProperty("blocks").GetInt32(), height - 2, height);
        string best = (await B.CallAsync("getblockhash", height)).GetString()!;
        Assert.Equal(best, (await B.CallAsync("getblockhash", height)).GetString());
        string tip = (await B.CallAsync("getbestblockhash")).GetString()!;
        Assert.True((await B.CallAsync("getblock", tip, 1)).GetProperty("height").GetInt32() >= height);

        var header = await B.CallAsync("getblockheader", best);
        Assert.Equal(height, header.GetProperty("height").GetInt32());
        Assert.Equal(best, header.GetProperty("hash").GetString());
        string headerHex = (await B.CallAsync("getblockheader", best, false)).GetString()!;
        Assert.Equal(best, BlockHeader.Parse(Convert.FromHexString(headerHex)).Hash.ToString());
        Assert.Equal((await B.CallAsync("getblockhash", height - 1)).GetString(), header.GetProperty("previousblockhash").GetString());

        string raw = (await B.CallAsync("getblock", best, 0)).GetString()!;
        var block = Block.Parse(Convert.FromHexString(raw));
        Assert.Equal(best, block.Hash.ToString());
        var verbose = await B.CallAsync("getblock", best, 1);
        Assert.Equal(block.Transactions.Select(t => t.Txid.ToString()), verbose.GetProperty("tx").EnumerateArray().Select(t => t.GetString()));
        var full = await B.CallAsync("getblock", best, 2);
        string coinbaseTxid = block.Transactions[0].Txid.ToString();
        Assert.Equal(coinbaseTxid, full.GetProperty("tx")[0].GetProperty("txid").GetString());

        // Without a transaction index a confirmed transaction is found through its block (Core's third parameter).
        string coinbaseHex = (await B.CallAsync("getrawtransaction", coinbaseTxid, false, best)).GetString()!;
        Assert.Equal(coinbaseTxid, (await B.CallAsync("decoderawtransaction", coinbaseHex)).GetProperty("txid").GetString());
        Assert.Equal(coinbaseTxid, Transaction.Parse(Convert.FromHexString(coinbaseHex)).Txid.ToString());

        // Both nodes hold the same block at a height both have.
        Assert.Equal((await A.CallAsync("getblockhash", height - 1)).GetString(), (await B.CallAsync("getblockhash", height - 1)).GetString());
    }

    [Fact]
    public async Task Mining_methods_template_submit_generate_and_info()
    {
        var mining = await A.CallAsync("getmininginfo");
        Assert.True(mining.GetProperty("blocks").GetInt32() >= 2);
        var template = await A.CallAsync("getblocktemplate", JsonSerializer.SerializeToElement(new { rules = new[] { "segwit" } }));
        int tipHeight = (await A.CallAsync("getblockcount")).GetInt32();
        Assert.InRange(template.GetProperty("height").GetInt32(), tipHeight, tipHeight + 2);
        Assert.True(template.GetProperty("coinbasevalue").GetInt64() > 0);

        string address = (await A.CallAsync("getnewaddress")).GetString()!;
        var hashes = (await A.CallAsync("generatetoaddress", 1, address)).EnumerateArray().Select(h => h.GetString()!).ToList();
        string mined = Assert.Single(hashes);
        var minedBlock = await A.CallAsync("getblock", mined, 2);
        Assert.True(minedBlock.GetProperty("confirmations").GetInt32() >= 1);

        // Submitting a block the node has: Core answers "duplicate"; garbage is a decode error (-22).
        string raw = (await A.CallAsync("getblock", mined, 0)).GetString()!;
        Assert.Equal("duplicate", (await A.CallAsync("submitblock", raw)).GetString());
        var garbage = await Assert.ThrowsAsync<RpcException>(() => A.CallAsync("submitblock", "00ff"));
        Assert.Equal(-22, garbage.Code);

        var valid = await A.CallAsync("validateaddress", address);
        Assert.True(valid.GetProperty("isvalid").GetBoolean());
        Assert.Equal(address, valid.GetProperty("address").GetString());
        Assert.False((await A.CallAsync("validateaddress", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")).GetProperty("isvalid").GetBoolean());

        var fee = await A.CallAsync("estimatesmartfee", 6);
        Assert.True(fee.TryGetProperty("blocks", out _));
        Assert.True((await A.CallAsync("uptime")).GetInt64() >= 0);
    }

    [Fact]
    public async Task Network_methods_show_the_link_and_manage_peers_and_bans()
    {
        var network = await B.CallAsync("getnetworkinfo");
        Assert.InRange(network.GetProperty("healthscore").GetInt32(), 0, 100);
        Assert.True(network.GetProperty("connections").GetInt32() >= 1);
        int count = (await B.CallAsync("getconnectioncount")).GetInt32();
        var peers = (await B.CallAsync("getpeerinfo")).EnumerateArray().ToList();
        Assert.Equal(count, peers.Count);
        Assert.NotEmpty(peers);
        Assert.All(peers.Where(p => !p.GetProperty("inbound").GetBoolean()), p => Assert.Equal(pair.A.P2PEndPoint, p.GetProperty("addr").GetString()));

        // addnode onetry to an endpoint nobody listens on fails quietly or with Core's code; add/remove round trip.
        string nobody = "127.0.0.1:" + NodeProcess.FreePort();
        await B.CallAsync("addnode", nobody, "add");
        await B.CallAsync("addnode", nobody, "remove");
        var notConnected = await Assert.ThrowsAsync<RpcException>(() => B.CallAsync("disconnectnode", nobody));
        Assert.Contains(notConnected.Code, (int[])[-29, -24]);

        // Ban an unrelated endpoint, see it listed, clear.
        await B.CallAsync("setban", nobody, "add", 600);
        Assert.Contains((await B.CallAsync("listbanned")).EnumerateArray(), b => b.GetProperty("address").GetString()!.StartsWith("127.0.0.1", StringComparison.Ordinal));
        await B.CallAsync("clearbanned");
        Assert.Empty((await B.CallAsync("listbanned")).EnumerateArray());
    }

    [Fact]
    public async Task Mempool_methods_follow_a_wallet_payment_from_mempool_to_block()
    {
        string to = (await B.CallAsync("getnewaddress")).GetString()!;
        // The fixture mined one coinbase to A's wallet; A's own mining matures it.
        string mine = (await A.CallAsync("getnewaddress")).GetString()!;
        await NodeProcess.WaitUntilAsync(async () => (await A.CallAsync("getbalance")).GetDecimal() >= 2m, TimeSpan.FromSeconds(150), "A's coinbase to mature");
        string txid = (await A.CallAsync("sendtoaddress", to, 1.5)).GetString()!;

        Assert.Contains(txid, (await A.CallAsync("getrawmempool")).EnumerateArray().Select(t => t.GetString()));
        var pool = await A.CallAsync("getmempoolinfo");
        Assert.True(pool.GetProperty("size").GetInt32() >= 1 && pool.GetProperty("bytes").GetInt64() > 0);
        var entry = await A.CallAsync("getmempoolentry", txid);
        Assert.True(entry.GetProperty("vsize").GetInt32() > 0);

        string hex = (await A.CallAsync("getrawtransaction", txid)).GetString()!;
        Assert.Equal(txid, (await A.CallAsync("decoderawtransaction", hex)).GetProperty("txid").GetString());
        var accept = (await A.CallAsync("testmempoolaccept", JsonSerializer.SerializeToElement(new[] { hex })))[0];
        Assert.Equal(txid, accept.GetProperty("txid").GetString());
        Assert.False(accept.GetProperty("allowed").GetBoolean()); // already in A's mempool
        // B may have it by relay already; Core answers the txid either way.
        Assert.Equal(txid, (await B.CallAsync("sendrawtransaction", hex)).GetString());

        await A.CallAsync("generatetoaddress", 1, mine);
        Assert.DoesNotContain(txid, (await A.CallAsync("getrawmempool")).EnumerateArray().Select(t => t.GetString()));
        // B sees the payment once the confirming block reaches it.
        await NodeProcess.WaitUntilAsync(async () => (await B.CallAsync("listunspent")).EnumerateArray().Any(c => c.GetProperty("txid").GetString() == txid && c.GetProperty("amount").GetDecimal() == 1.5m),
            TimeSpan.FromSeconds(30), "B's listunspent to show the confirmed payment");
        Assert.True((await B.CallAsync("getbalance")).GetDecimal() >= 1.5m);
        Assert.Contains((await B.CallAsync("listtransactions", "*", 50)).EnumerateArray(), t => t.GetProperty("txid").GetString() == txid && t.GetProperty("category").GetString() == "receive");
        Assert.Contains((await A.CallAsync("listtransactions", "*", 50)).EnumerateArray(), t => t.GetProperty("txid").GetString() == txid && t.GetProperty("category").GetString() == "send");

        // The wallet, the chain and the peers come back after a restart (B restarts without --bootstrap: its address book).
        decimal balance = (await B.CallAsync("getbalance")).GetDecimal();
        int height = (await B.CallAsync("getblockcount")).GetInt32();
        var restarted = await pair.RestartBAsync();
        Assert.True((await restarted.Rpc.CallAsync("getblockcount")).GetInt32() >= height);
        Assert.Equal(balance, (await restarted.Rpc.CallAsync("getbalance")).GetDecimal());
        await NodeProcess.WaitUntilAsync(async () => (await restarted.Rpc.CallAsync("getconnectioncount")).GetInt32() >= 1, TimeSpan.FromSeconds(30), "B to reconnect from its address book");
    }
}
