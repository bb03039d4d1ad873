using System.Net;
using Antimony.Rpc.Tests.Support;

namespace Antimony.Rpc.Tests.Server;

public sealed class EnvelopeTests
{
    [Fact]
    public async Task Getblockcount_answers_the_tip_height_in_a_legacy_envelope()
    {
        await using var node = await RpcTestNode.StartAsync();
        var (status, body) = await node.PostAsync("""{"id":"x","method":"getblockcount","params":[]}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(node.Chain.Tip.Height, body!.Value.GetProperty("result").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.Value.GetProperty("error").ValueKind);
        Assert.Equal("x", body.Value.GetProperty("id").GetString());
    }
}
