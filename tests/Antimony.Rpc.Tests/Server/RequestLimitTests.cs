using System.Net;
using System.Text;
using Antimony.Rpc.Tests.Support;

namespace Antimony.Rpc.Tests.Server;

/// <summary>The body size limit answers 413, whether the length is declared or streamed.</summary>
public sealed class RequestLimitTests
{
    [Fact]
    public async Task A_body_over_the_limit_gets_413_and_one_under_it_is_served()
    {
        await using var node = await RpcTestNode.StartAsync(o => o.MaxRequestBytes = 4096);
        string padding = new(' ', 5000);
        var (status, _) = await node.PostAsync("""{"id":1,"method":"getblockcount"}""" + padding);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        var (ok, body) = await node.PostAsync("""{"id":1,"method":"getblockcount"}""" + new string(' ', 3000));
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal(0, body!.Value.GetProperty("result").GetInt32());
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_gets_413()
    {
        await using var node = await RpcTestNode.StartAsync(o => o.MaxRequestBytes = 4096);
        var bytes = Encoding.UTF8.GetBytes("""{"id":1,"method":"getblockcount","params":[]}""" + new string(' ', 20_000));
        // A stream of unknown length makes HttpClient send chunked transfer encoding (no Content-Length).
        using var content = new StreamContent(new UnseekableStream(bytes));
        using var response = await node.Client.PostAsync("/", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
