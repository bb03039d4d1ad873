using System.Text.Json;
using Antimony.Rpc.Monitoring;
using Antimony.Rpc.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Antimony.Rpc.Tests.Methods;

/// <summary>getnetworkinfo, getpeerinfo, getconnectioncount, addnode, disconnectnode, setban, listbanned and clearbanned between two real nodes.</summary>
public sealed class NetworkMethodTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Addnode_onetry_connects_and_both_sides_report_the_peer()
    {
        await using var a = await RpcTestNode.StartAsync();
        await using var b = await RpcTestNode.StartAsync();
        string aEndPoint = a.Network.LocalEndPoint!.ToString();
        await b.CallAsync("addnode", $"[\"{aEndPoint}\",\"onetry\"]");
        await WaitForAsync(async () => (await a.CallAsync("getconnectioncount")).GetInt32() == 1 && (await b.CallAsync("getconnectioncount")).GetInt32() == 1);

        var fromB = Assert.Single((await b.CallAsync("getpeerinfo")).EnumerateArray());
        Assert.Equal(aEndPoint, fromB.GetProperty("addr").GetString());
        Assert.False(fromB.GetProperty("inbound").GetBoolean());
        Assert.Equal("/Antimony:0.1.0/", fromB.GetProperty("subver").GetString());
        Assert.Equal(70016, fromB.GetProperty("version").GetInt32());
        Assert.Equal("outbound-full-relay", fromB.GetProperty("connection_type").GetString());
        Assert.Contains("WITNESS", fromB.GetProperty("servicesnames").EnumerateArray().Select(s => s.GetString()));
        var fromA = Assert.Single((await a.CallAsync("getpeerinfo")).EnumerateArray());
        Assert.True(fromA.GetProperty("inbound").GetBoolean());

        var info = await a.CallAsync("getnetworkinfo");
        Assert.Equal(1, info.GetProperty("connections").GetInt32());
        Assert.Equal(1, info.GetProperty("connections_in").GetInt32());
        Assert.Equal(0, info.GetProperty("connections_out").GetInt32());
        Assert.Equal("/Antimony:0.1.0/", info.GetProperty("subversion").GetString());
        Assert.Equal(a.Network.LocalEndPoint!.Port, info.GetProperty("localaddresses")[0].GetProperty("port").GetInt32());
        Assert.True(info.GetProperty("networkactive").GetBoolean());

        // disconnectnode by the id getpeerinfo gave.
        await b.CallAsync("disconnectnode", $"[\"\",{fromB.GetProperty("id").GetInt64()}]");
        await WaitForAsync(async () => (await b.CallAsync("getconnectioncount")).GetInt32() == 0);
        Assert.Equal(-29, (await b.CallErrorAsync("disconnectnode", $"[\"{aEndPoint}\"]")).Code);
        Assert.Equal(-32602, (await b.CallErrorAsync("disconnectnode", "[]")).Code);
    }

    [Fact]
    public async Task Addnode_add_keeps_a_peer_and_remove_forgets_it()
    {
        await using var a = await RpcTestNode.StartAsync();
        await using var b = await RpcTestNode.StartAsync();
        string aEndPoint = a.Network.LocalEndPoint!.ToString();
        await b.CallAsync("addnode", $"[\"{aEndPoint}\",\"add\"]");
        Assert.Equal(-23, (await b.CallErrorAsync("addnode", $"[\"{aEndPoint}\",\"add\"]")).Code);
        await WaitForAsync(async () => (await b.CallAsync("getconnectioncount")).GetInt32() == 1);
        // Peer ids are given when getpeerinfo first sees a connection: note the first one's before dropping it.
        long firstId = (await b.CallAsync("getpeerinfo")).EnumerateArray().Single().GetProperty("id").GetInt64();
        await b.CallAsync("disconnectnode", $"[\"{aEndPoint}\"]");
        // A persistent peer is dialled again: a new connection, so a new id.
        await WaitForAsync(async () => (await b.CallAsync("getpeerinfo")).EnumerateArray().Any(p => p.GetProperty("id").GetInt64() != firstId));
        await b.CallAsync("addnode", $"[\"{aEndPoint}\",\"remove\"]");
        Assert.Equal(-24, (await b.CallErrorAsync("addnode", $"[\"{aEndPoint}\",\"remove\"]")).Code);
        Assert.Equal(-1, (await b.CallErrorAsync("addnode", $"[\"{aEndPoint}\",\"sometimes\"]")).Code);
        Assert.Equal(-8, (await b.CallErrorAsync("addnode", "[\"not an address\",\"onetry\"]")).Code);
    }

    [Fact]
    public async Task Setban_on_a_listen_endpoint_drops_that_peer_and_the_list_shows_it_until_cleared()
    {
        await using var a = await RpcTestNode.StartAsync();
        await using var b = await RpcTestNode.StartAsync();
        await b.CallAsync("addnode", $"[\"{a.Network.LocalEndPoint}\",\"onetry\"]");
        await WaitForAsync(async () => (await a.CallAsync("getconnectioncount")).GetInt32() == 1);

        string bListen = b.Network.LocalEndPoint!.ToString();
        await a.CallAsync("setban", $"[\"{bListen}\",\"add\",600]");
        await WaitForAsync(async () => (await a.CallAsync("getconnectioncount")).GetInt32() == 0);
        Assert.Equal(-23, (await a.CallErrorAsync("setban", $"[\"{bListen}\",\"add\"]")).Code);
        await a.CallAsync("setban", "[\"10.1.2.3\",\"add\"]");
        var bans = (await a.CallAsync("listbanned")).EnumerateArray().ToList();
        Assert.Equal(2, bans.Count);
        var endpointBan = bans.Single(x => x.GetProperty("address").GetString() == bListen);
        Assert.Equal(600, endpointBan.GetProperty("ban_duration").GetInt64());
        Assert.InRange(endpointBan.GetProperty("time_remaining").GetInt64(), 1, 600);
        var addressBan = bans.Single(x => x.GetProperty("address").GetString() == "10.1.2.3/32");
        Assert.Equal(86_400, addressBan.GetProperty("ban_duration").GetInt64());

        await a.CallAsync("setban", $"[\"{bListen}\",\"remove\"]");
        Assert.Equal(-30, (await a.CallErrorAsync("setban", $"[\"{bListen}\",\"remove\"]")).Code);
        Assert.Equal(-30, (await a.CallErrorAsync("setban", "[\"10.0.0.0/8\",\"add\"]")).Code);
        Assert.Equal(-30, (await a.CallErrorAsync("setban", "[\"nonsense\",\"add\"]")).Code);
        await a.CallAsync("clearbanned");
        Assert.Equal(0, (await a.CallAsync("listbanned")).GetArrayLength());
    }

    [Fact]
    public async Task Getnetworkinfo_carries_the_health_score_when_monitoring_is_composed()
    {
        await using var plain = await RpcTestNode.StartAsync();
        Assert.False((await plain.CallAsync("getnetworkinfo")).TryGetProperty("healthscore", out _));
        await using var monitored = await RpcTestNode.StartAsync(compose: (antimony, _) => antimony.AddMonitoring());
        int score = (await monitored.CallAsync("getnetworkinfo")).GetProperty("healthscore").GetInt32();
        // The host is running, so at least that part counts; the others depend on the moment.
        Assert.InRange(score, 25, 100);
        Assert.NotNull(monitored.Services.GetService<HealthScore>());
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!await condition())
        {
            // The timeout only guards against a hang; the condition decides.
            await Task.Delay(20, timeout.Token);
        }
    }
}
