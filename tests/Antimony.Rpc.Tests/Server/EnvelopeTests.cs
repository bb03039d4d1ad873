using System.Net;
using System.Text.Json;
using Antimony.Rpc.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Antimony.Rpc.Tests.Server;

/// <summary>Bitcoin Core's envelope rules: id echo, legacy and 2.0 shapes, error codes and HTTP statuses.</summary>
public sealed class EnvelopeTests : IClassFixture<PlainNodeFixture>
{
    private readonly RpcTestNode _node;

    public EnvelopeTests(PlainNodeFixture fixture) => _node = fixture.Node;

    [Fact]
    public async Task Legacy_success_carries_result_null_error_and_the_id()
    {
        var (status, body) = await _node.PostAsync("""{"id":"x","method":"getblockcount","params":[]}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(_node.Chain.Tip.Height, body!.Value.GetProperty("result").GetInt32());
        Assert.Equal(JsonValueKind.Null, body.Value.GetProperty("error").ValueKind);
        Assert.Equal("x", body.Value.GetProperty("id").GetString());
        Assert.False(body.Value.TryGetProperty("jsonrpc", out _));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("\"abc\"")]
    [InlineData("{\"a\":[1,2]}")]
    [InlineData("null")]
    [InlineData("-2.5")]
    public async Task The_id_is_echoed_whatever_its_type(string id)
    {
        var (_, body) = await _node.PostAsync($$"""{"id":{{id}},"method":"getbestblockhash"}""");
        Assert.Equal(JsonDocument.Parse(id).RootElement.GetRawText(), body!.Value.GetProperty("id").GetRawText());
    }

    [Fact]
    public async Task Version_2_success_has_result_and_no_error_member()
    {
        var (status, body) = await _node.PostAsync("""{"jsonrpc":"2.0","id":7,"method":"getblockcount"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2.0", body!.Value.GetProperty("jsonrpc").GetString());
        Assert.True(body.Value.TryGetProperty("result", out _));
        Assert.False(body.Value.TryGetProperty("error", out _));
        Assert.Equal(7, body.Value.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Version_2_error_is_http_200_with_error_and_no_result()
    {
        var (status, body) = await _node.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"nosuchmethod"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(-32601, body!.Value.GetProperty("error").GetProperty("code").GetInt32());
        Assert.False(body.Value.TryGetProperty("result", out _));
    }

    [Fact]
    public async Task Version_2_notification_gets_no_content()
    {
        var (status, body) = await _node.PostAsync("""{"jsonrpc":"2.0","method":"getblockcount"}""");
        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.Null(body);
    }

    [Fact]
    public async Task Legacy_unknown_method_is_404_with_minus_32601()
    {
        var (status, body) = await _node.PostAsync("""{"id":1,"method":"nosuchmethod","params":[]}""");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(-32601, body!.Value.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(JsonValueKind.Null, body.Value.GetProperty("result").ValueKind);
        Assert.Equal(1, body.Value.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Legacy_method_error_is_http_500_with_the_code()
    {
        var (status, body) = await _node.PostAsync("""{"id":1,"method":"getblockhash","params":[99999]}""");
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal(-8, body!.Value.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"id\":1,")]
    [InlineData("not json")]
    [InlineData("[1,2")]
    [InlineData("{\"id\":1}{\"id\":2}")]
    [InlineData("")]
    public async Task Malformed_json_is_minus_32700_with_http_500(string text)
    {
        var (status, body) = await _node.PostAsync(text);
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal(-32700, body!.Value.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(JsonValueKind.Null, body.Value.GetProperty("id").ValueKind);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("\"getblockcount\"")]
    [InlineData("null")]
    public async Task A_top_level_value_that_is_neither_object_nor_array_is_a_parse_error(string text)
    {
        var (status, body) = await _node.PostAsync(text);
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal(-32700, body!.Value.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData("""{"id":1}""", "Missing method", "1")]
    [InlineData("""{"id":1,"method":5}""", "Method must be a string", "1")]
    [InlineData("""{"id":1,"method":"getblockcount","params":"x"}""", "Params must be an array or object", "1")]
    [InlineData("""{"id":1,"jsonrpc":"3.0","method":"getblockcount"}""", "JSON-RPC version not supported", "null")]
    [InlineData("""{"id":1,"jsonrpc":2,"method":"getblockcount"}""", "jsonrpc field must be a string", "null")]
    public async Task Invalid_requests_are_minus_32600_with_http_400_and_keep_the_id_once_read(string text, string message, string id)
    {
        var (status, body) = await _node.PostAsync(text);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = body!.Value.GetProperty("error");
        Assert.Equal(-32600, error.GetProperty("code").GetInt32());
        Assert.Equal(message, error.GetProperty("message").GetString());
        // Core reads the version before the id, so a version error cannot echo it.
        Assert.Equal(id, body.Value.GetProperty("id").GetRawText());
    }

    [Fact]
    public async Task Jsonrpc_1_0_is_the_legacy_envelope()
    {
        var (_, body) = await _node.PostAsync("""{"jsonrpc":"1.0","id":"curltest","method":"getblockcount","params":[]}""");
        Assert.True(body!.Value.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task Invalid_utf8_and_absurd_nesting_are_parse_errors()
    {
        foreach (var bytes in new[] { new byte[] { 0x7b, 0xff, 0xfe, 0x7d }, "{\"id\":\""u8.ToArray().Concat(new byte[] { 0xc3, 0x28 }).Concat("\"}"u8.ToArray()).ToArray(),
            System.Text.Encoding.ASCII.GetBytes(new string('[', 5000) + new string(']', 5000)) })
        {
            using var content = new ByteArrayContent(bytes);
            using var response = await _node.Client.PostAsync("/", content);
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(-32700, body.GetProperty("error").GetProperty("code").GetInt32());
        }
        Assert.Equal(HttpStatusCode.OK, (await _node.PostAsync("""{"id":1,"method":"getblockcount"}""")).Status);
    }

    [Theory]
    [InlineData("""{"id":1,"method":"validateaddress","params":["\ud800"]}""")]
    [InlineData("""{"id":1,"method":"\udc00"}""")]
    [InlineData("""{"id":"\ud800","method":"getblockcount"}""")]
    [InlineData("""{"id":1,"method":"getblock","params":{"\ud800":1}}""")]
    public async Task Lone_surrogate_escapes_get_json_replies(string body)
    {
        var (status, reply) = await _node.PostAsync(body);
        Assert.NotNull(reply);
        Assert.True(reply.Value.TryGetProperty("id", out _), status.ToString());
        Assert.Equal(0, _node.Services.GetRequiredService<Antimony.Rpc.Server.RpcDispatcher>().UnexpectedFailures);
    }

    [Fact]
    public async Task Get_is_not_allowed()
    {
        using var response = await _node.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
