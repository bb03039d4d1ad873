using System.Net;
using System.Text.Json;
using Antimony.Rpc.Tests.Support;

namespace Antimony.Rpc.Tests.Server;

/// <summary>Batches: an array of requests, one reply each in order (none for 2.0 notifications), always HTTP 200.</summary>
public sealed class BatchTests : IClassFixture<PlainNodeFixture>
{
    private readonly RpcTestNode _node;

    public BatchTests(PlainNodeFixture fixture) => _node = fixture.Node;

    [Fact]
    public async Task A_batch_answers_each_request_in_order_with_its_own_envelope()
    {
        var (status, body) = await _node.PostAsync("""
            [{"id":1,"method":"getblockcount"},
             {"jsonrpc":"2.0","id":2,"method":"nosuchmethod"},
             {"id":3,"method":"getblockhash","params":[0]},
             {"jsonrpc":"2.0","method":"getblockcount"},
             5,
             {"id":6,"method":"getblockhash","params":["x"]}]
            """);
        Assert.Equal(HttpStatusCode.OK, status);
        var replies = body!.Value.EnumerateArray().ToList();
        Assert.Equal(5, replies.Count);
        Assert.Equal(0, replies[0].GetProperty("result").GetInt32());
        Assert.Equal(-32601, replies[1].GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal("2.0", replies[1].GetProperty("jsonrpc").GetString());
        Assert.Equal(_node.Chain.Genesis.Hash.ToString(), replies[2].GetProperty("result").GetString());
        Assert.Equal(-32600, replies[3].GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(-3, replies[4].GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(6, replies[4].GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task An_empty_batch_gets_an_empty_array()
    {
        var (status, body) = await _node.PostAsync("[]");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, body!.Value.GetArrayLength());
    }

    [Fact]
    public async Task A_batch_of_notifications_gets_no_content()
    {
        var (status, body) = await _node.PostAsync("""[{"jsonrpc":"2.0","method":"getblockcount"},{"jsonrpc":"2.0","method":"uptime"}]""");
        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.Null(body);
    }

    [Fact]
    public async Task A_batch_over_the_limit_is_refused_whole()
    {
        await using var node = await RpcTestNode.StartAsync(o => o.MaxBatch = 3);
        string batch = "[" + string.Join(',', Enumerable.Repeat("""{"id":1,"method":"getblockcount"}""", 4)) + "]";
        var (status, body) = await node.PostAsync(batch);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(-32600, body!.Value.GetProperty("error").GetProperty("code").GetInt32());
        var (okStatus, ok) = await node.PostAsync("[" + string.Join(',', Enumerable.Repeat("""{"id":1,"method":"getblockcount"}""", 3)) + "]");
        Assert.Equal(HttpStatusCode.OK, okStatus);
        Assert.Equal(3, ok!.Value.GetArrayLength());
    }
}
