using System.Text.Json;
using Antimony.Rpc.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Antimony.Rpc.Tests.Methods;

/// <summary>validateaddress, estimatesmartfee, uptime, help and stop.</summary>
public sealed class UtilityMethodTests : IClassFixture<MinedNodeFixture>
{
    private readonly RpcTestNode _node;

    public UtilityMethodTests(MinedNodeFixture fixture) => _node = fixture.Node;

    [Fact]
    public async Task Validateaddress_accepts_this_networks_addresses_only()
    {
        string address = RpcTestNode.MinerAddress(1);
        var valid = await _node.CallAsync("validateaddress", $"[\"{address}\"]");
        Assert.True(valid.GetProperty("isvalid").GetBoolean());
        Assert.Equal(address, valid.GetProperty("address").GetString());
        Assert.Equal(RpcTestNode.Keys.Scripts[1].ToString(), valid.GetProperty("scriptPubKey").GetString());
        Assert.Equal(1, valid.GetProperty("witness_version").GetInt32());
        Assert.True(valid.GetProperty("iswitness").GetBoolean());
        foreach (string bad in new[] { "", "hello", address.Replace("ratmn", "atmn", StringComparison.Ordinal), address[..^1] + (address[^1] == 'q' ? 'p' : 'q') })
        {
            var invalid = await _node.CallAsync("validateaddress", JsonSerializerArray(bad));
            Assert.False(invalid.GetProperty("isvalid").GetBoolean());
            Assert.False(string.IsNullOrEmpty(invalid.GetProperty("error").GetString()));
        }
    }

    [Fact]
    public async Task Estimatesmartfee_answers_from_confirmed_transactions_and_validates_its_arguments()
    {
        var estimate = await _node.CallAsync("estimatesmartfee", "[1]");
        Assert.True(estimate.GetProperty("feerate").GetDecimal() >= 0.00001m);
        Assert.Equal(2, estimate.GetProperty("blocks").GetInt32());
        Assert.Equal(6, (await _node.CallAsync("estimatesmartfee", "[6,\"conservative\"]")).GetProperty("blocks").GetInt32());
        Assert.Equal(-8, (await _node.CallErrorAsync("estimatesmartfee", "[0]")).Code);
        Assert.Equal(-8, (await _node.CallErrorAsync("estimatesmartfee", "[1009]")).Code);
        Assert.Equal(-8, (await _node.CallErrorAsync("estimatesmartfee", "[2,\"fast\"]")).Code);
    }

    [Fact]
    public async Task Estimatesmartfee_without_data_returns_cores_errors()
    {
        await using var fresh = await RpcTestNode.StartAsync();
        var estimate = await fresh.CallAsync("estimatesmartfee", "[3]");
        Assert.False(estimate.TryGetProperty("feerate", out _));
        Assert.Equal("Insufficient data or no feerate found", estimate.GetProperty("errors")[0].GetString());
        Assert.Equal(0, estimate.GetProperty("blocks").GetInt32());
    }

    [Fact]
    public async Task Uptime_and_help()
    {
        Assert.True((await _node.CallAsync("uptime")).GetInt64() >= 0);
        string help = (await _node.CallAsync("help")).GetString()!;
        foreach (string method in new[] { "getblock \"blockhash\" ( \"verbosity\" )", "getblockcount", "sendtoaddress", "stop" })
            Assert.Contains(method, help);
        Assert.StartsWith("getblockhash", (await _node.CallAsync("help", "[\"getblockhash\"]")).GetString());
    }

    [Fact]
    public async Task Stop_answers_then_stops_the_host()
    {
        await using var node = await RpcTestNode.StartAsync();
        var lifetime = node.Services.GetRequiredService<IHostApplicationLifetime>();
        Assert.Equal("Antimony stopping", (await node.CallAsync("stop")).GetString());
        var stopping = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
        // The timeout only guards against a hang.
        await stopping.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(lifetime.ApplicationStopping.IsCancellationRequested);
    }

    private static string JsonSerializerArray(string value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(value);
            writer.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
