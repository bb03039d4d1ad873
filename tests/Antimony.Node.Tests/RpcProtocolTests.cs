using System.Net;
using System.Text.Json;
using Antimony.Node.Tests.Support;

namespace Antimony.Node.Tests;

/// <summary>Authentication and Bitcoin Core's error codes over HTTP, against real nodes.</summary>
[Collection(DevnetPairCollection.Name)]
public sealed class RpcProtocolTests(DevnetPair pair)
{
    private const string GetBlockCount = """{"jsonrpc":"1.0","id":1,"method":"getblockcount","params":[]}""";

    [Theory]
    [InlineData(null)]
    [InlineData("alice:wrong")]
    [InlineData("mallory:correct horse battery staple")]
    [InlineData("__cookie__:0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task Wrong_or_missing_credentials_get_401(string? credentials)
    {
        using var client = pair.A.CreateClient(credentials);
        var (status, _) = await new RpcClient(client).PostAsync(GetBlockCount);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task The_cookie_authenticates_and_a_wrong_cookie_does_not()
    {
        string cookie = (await File.ReadAllTextAsync(Path.Combine(pair.B.DataDirectory, ".cookie"))).Trim();
        Assert.Matches("^__cookie__:[0-9a-f]{64}$", cookie);
        Assert.True((await pair.B.Rpc.CallAsync("getblockcount")).GetInt32() >= 0);
        using var wrong = pair.B.CreateClient(cookie[..^1] + (cookie[^1] == '0' ? '1' : '0'));
        Assert.Equal(HttpStatusCode.Unauthorized, (await new RpcClient(wrong).PostAsync(GetBlockCount)).Status);
    }

    [Theory]
    [InlineData("{\"method\": \"getblockcount\", ", -32700)]
    [InlineData("not json at all", -32700)]
    [InlineData("{\"jsonrpc\":\"1.0\",\"id\":1}", -32600)]
    [InlineData("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"nosuchmethod\",\"params\":[]}", -32601)]
    [InlineData("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"getblockhash\",\"params\":[999999999]}", -8)]
    public async Task Bad_requests_get_cores_error_codes(string body, int code)
    {
        var (_, reply) = await pair.A.Rpc.PostAsync(body);
        Assert.Equal(JsonValueKind.Object, reply.ValueKind);
        Assert.Equal(code, reply.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(JsonValueKind.Null, reply.GetProperty("result").ValueKind);
    }

    [Theory]
    [InlineData("getblockhash", "[\"ten\"]")]
    [InlineData("getblock", "[12]")]
    [InlineData("getblockheader", "[\"00\", \"yes\"]")]
    [InlineData("generatetoaddress", "[\"one\", \"ratmn1qqqq\"]")]
    public async Task Parameters_of_the_wrong_type_get_a_type_error_and_the_node_keeps_answering(string method, string parameters)
    {
        var (_, reply) = await pair.A.Rpc.PostAsync($"{{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"{method}\",\"params\":{parameters}}}");
        int code = reply.GetProperty("error").GetProperty("code").GetInt32();
        Assert.Contains(code, (int[])[-3, -32602, -8]);
        Assert.True((await pair.A.Rpc.CallAsync("getblockcount")).GetInt32() >= 0);
    }

    [Fact]
    public async Task A_batch_answers_each_request_in_order_with_its_id()
    {
        var (status, reply) = await pair.A.Rpc.PostAsync("""[{"jsonrpc":"2.0","id":7,"method":"getblockcount"},{"jsonrpc":"2.0","id":8,"method":"nosuchmethod"}]""");
        Assert.Equal(HttpStatusCode.OK, status);
        var replies = reply.EnumerateArray().ToList();
        Assert.Equal(2, replies.Count);
        Assert.Equal(7, replies[0].GetProperty("id").GetInt32());
        Assert.True(replies[0].GetProperty("result").GetInt32() >= 0);
        Assert.Equal(-32601, replies[1].GetProperty("error").GetProperty("code").GetInt32());
    }
}
