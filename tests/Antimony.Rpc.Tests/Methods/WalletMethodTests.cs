using System.Text.Json;
using Antimony.Primitives.Addresses;
using Antimony.Rpc.Tests.Support;
using Antimony.Wallet.Hosting;

namespace Antimony.Rpc.Tests.Methods;

/// <summary>getnewaddress, getbalance, listunspent, sendtoaddress and listtransactions over the node's NodeWallet; -18 without one.</summary>
public sealed class WalletMethodTests
{
    private static Task<RpcTestNode> StartWithWalletAsync() =>
        RpcTestNode.StartAsync(compose: (antimony, dataDirectory) => antimony.AddWallet(o =>
        {
            o.Path = Path.Combine(dataDirectory, "wallet");
            o.Passphrase = "rpc tests";
        }));

    [Fact]
    public async Task Mined_coins_show_in_balance_and_unspent_and_can_be_sent()
    {
        await using var node = await StartWithWalletAsync();
        string address = (await node.CallAsync("getnewaddress", "[\"mining\"]")).GetString()!;
        Assert.True(SegwitAddress.TryParse(address, node.Chain.Parameters.Network, out var parsed));
        Assert.Equal(1, parsed.WitnessVersion);
        Assert.Equal(0m, (await node.CallAsync("getbalance")).GetDecimal());

        await node.GenerateAsync(101, address);
        // The coinbases spendable in the next block (consensus maturity) count, 50 ATMN each; the rest is immature.
        decimal balance = (await node.CallAsync("getbalance")).GetDecimal();
        var unspent = (await node.CallAsync("listunspent")).EnumerateArray().ToList();
        Assert.NotEmpty(unspent);
        Assert.Equal(balance, unspent.Sum(u => u.GetProperty("amount").GetDecimal()));
        Assert.Equal(50m * unspent.Count, balance);
        var oldest = unspent.MaxBy(u => u.GetProperty("confirmations").GetInt32());
        Assert.Equal(address, oldest.GetProperty("address").GetString());
        Assert.Equal("mining", oldest.GetProperty("label").GetString());
        Assert.Equal(101, oldest.GetProperty("confirmations").GetInt32());
        Assert.Empty((await node.CallAsync("listunspent", $"[1,9999999,[\"{RpcTestNode.MinerAddress(3)}\"]]")).EnumerateArray());

        string txid = (await node.CallAsync("sendtoaddress", $"[\"{RpcTestNode.MinerAddress(3)}\",1.5]")).GetString()!;
        Assert.True(node.Pool.Contains(new Primitives.Transactions.Txid(Primitives.Hashing.Hash256.Parse(txid))));
        var sends = (await node.CallAsync("listtransactions", "[\"*\",100]")).EnumerateArray().Where(r => r.GetProperty("category").GetString() == "send").ToList();
        var send = Assert.Single(sends);
        Assert.Equal(txid, send.GetProperty("txid").GetString());
        Assert.Equal(-1.5m, send.GetProperty("amount").GetDecimal());
        Assert.True(send.GetProperty("fee").GetDecimal() < 0);
        Assert.Equal(0, send.GetProperty("confirmations").GetInt32());

        Assert.Equal(-6, (await node.CallErrorAsync("sendtoaddress", $"[\"{RpcTestNode.MinerAddress(3)}\",1000]")).Code);
        Assert.Equal(-5, (await node.CallErrorAsync("sendtoaddress", "[\"nope\",1]")).Code);
        Assert.Equal(-3, (await node.CallErrorAsync("sendtoaddress", $"[\"{RpcTestNode.MinerAddress(3)}\",-1]")).Code);
        Assert.Equal(-3, (await node.CallErrorAsync("sendtoaddress", $"[\"{RpcTestNode.MinerAddress(3)}\",0.000000001]")).Code);
        Assert.Equal(-8, (await node.CallErrorAsync("listtransactions", "[\"*\",-1]")).Code);
        Assert.Equal(-5, (await node.CallErrorAsync("getnewaddress", "[\"\",\"nosuchtype\"]")).Code);
    }

    [Theory]
    [InlineData("getnewaddress")]
    [InlineData("getbalance")]
    [InlineData("listunspent")]
    [InlineData("listtransactions")]
    public async Task Without_a_wallet_the_wallet_methods_answer_minus_18(string method)
    {
        await using var node = await RpcTestNode.StartAsync();
        Assert.Equal(-18, (await node.CallErrorAsync(method)).Code);
        Assert.Equal(-18, (await node.CallErrorAsync("sendtoaddress", $"[\"{RpcTestNode.MinerAddress()}\",1]")).Code);
    }

    [Fact]
    public async Task The_wallet_route_serves_the_same_methods()
    {
        await using var node = await StartWithWalletAsync();
        using var content = new StringContent("""{"id":1,"method":"getbalance"}""");
        using var response = await node.Client.PostAsync("/wallet/default", content);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(0m, body.GetProperty("result").GetDecimal());
    }
}
