using Antimony.Consensus.Parameters;
using Antimony.Consensus.Storage;
using Antimony.Rpc.Tests.Support;

namespace Antimony.Rpc.Tests.Methods;

/// <summary>With <c>AddTransactionIndex()</c>, getrawtransaction finds confirmed transactions by txid alone and getindexinfo reports the index.</summary>
public sealed class TransactionIndexMethodTests
{
    private static readonly ChainParameters FastRegtest = ChainParameters.Regtest with { CoinbaseMaturity = 1 };

    [Fact]
    public async Task Getrawtransaction_finds_a_confirmed_transaction_by_txid_with_the_index()
    {
        await using var node = await RpcTestNode.StartAsync(compose: (antimony, _) => antimony.AddTransactionIndex(), network: FastRegtest);
        await node.GenerateAsync(2);
        var spend = Spends.FromCoinbase(node.Chain, 1, MinedNodeFixture.Fee);
        await node.CallAsync("sendrawtransaction", $"[\"{spend.ToHex()}\"]");
        string block = (await node.GenerateAsync(1))[0];
        await node.GenerateAsync(1);

        Assert.Equal(spend.ToHex(), (await node.CallAsync("getrawtransaction", $"[\"{spend.Txid}\"]")).GetString());
        var verbose = await node.CallAsync("getrawtransaction", $"[\"{spend.Txid}\",1]");
        Assert.Equal(block, verbose.GetProperty("blockhash").GetString());
        Assert.Equal(2, verbose.GetProperty("confirmations").GetInt32());
        Assert.False(verbose.TryGetProperty("in_active_chain", out _));
        var missing = await node.CallErrorAsync("getrawtransaction", $"[\"{new string('7', 64)}\"]");
        Assert.Equal(-5, missing.Code);
        Assert.StartsWith("No such mempool or blockchain transaction.", missing.Message);

        var info = await node.CallAsync("getindexinfo");
        Assert.True(info.GetProperty("txindex").GetProperty("synced").GetBoolean());
        Assert.Equal(node.Chain.Tip.Height, info.GetProperty("txindex").GetProperty("best_block_height").GetInt32());
        Assert.Empty((await node.CallAsync("getindexinfo", "[\"coinstatsindex\"]")).EnumerateObject());
    }

    [Fact]
    public async Task Without_the_index_a_confirmed_transaction_needs_its_block()
    {
        await using var node = await RpcTestNode.StartAsync(network: FastRegtest);
        await node.GenerateAsync(2);
        var coinbase = node.Chain.TryGetBlock(node.Chain.Tip.Hash, out var tip) ? tip.Transactions[0] : null!;

        var error = await node.CallErrorAsync("getrawtransaction", $"[\"{coinbase.Txid}\"]");

        Assert.Equal(-5, error.Code);
        Assert.Contains("Use -txindex", error.Message);
        Assert.Empty((await node.CallAsync("getindexinfo")).EnumerateObject());
    }
}
