using System.Net;
using System.Text.Json;
using Antimony.Rpc.Server;
using Antimony.Rpc.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Antimony.Rpc.Tests.Server;

/// <summary>
/// Random JSON thrown at every method's parameters (positional and named), and random bodies at the endpoint:
/// every reply is a JSON-RPC reply with Core's statuses, no method fails with anything but its documented errors,
/// and the server keeps answering.
/// </summary>
public sealed class RobustnessProperties : IClassFixture<PlainNodeFixture>
{
    // stop would end the fixture's host; it takes no meaningful parameters anyway.
    private static readonly HashSet<string> Excluded = ["stop"];
    private static readonly HttpStatusCode[] Statuses = [HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.InternalServerError];
    private readonly RpcTestNode _node;

    public RobustnessProperties(PlainNodeFixture fixture) => _node = fixture.Node;

    private static Gen<string> Scalars =>
        Gen.OneOf(
            Gen.Elements("null", "true", "false", "0", "1", "-1", "2", "101", "2147483648", "-9223372036854775809", "1e400", "-0.5", "0.00000001",
                "3.5", "\"\"", "\"*\"", "\"add\"", "\"remove\"", "\"onetry\"", "\"segwit\"", "\"proposal\"", "\"template\"", "\"conservative\"",
                "\"127.0.0.1\"", "\"127.0.0.1:1\"", "\"10.0.0.0/8\"", "\"00\"", "\"0g\"", "\"ratmn1qqqq\"", "\"" + new string('0', 64) + "\"",
                "\"" + new string('f', 64) + "\"", "\"02000000000100\"", "\"1.5\"", "\"-1\"", "\"bech32m\"",
                "\"\\ud800\"", "\"a\\udc00b\"", "\"\\u0000\""),
            Gen.Choose(int.MinValue, int.MaxValue).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ArbMap.Default.GeneratorFor<string>().Select(s => JsonSerializer.Serialize(s ?? "")),
            Gen.Choose(0, 200).SelectMany(n => Gen.Elements("0123456789abcdef".ToCharArray()).ArrayOf(n * 2)).Select(c => "\"" + new string(c) + "\""));

    private static Gen<string> Values(int depth) =>
        depth <= 0
            ? Scalars
            : Gen.Frequency(
                (4, Scalars),
                (1, Values(depth - 1).ArrayOf().Select(items => "[" + string.Join(',', items.Take(4)) + "]")),
                (1, Gen.Zip(Gen.Elements("rules", "mode", "data", "a", "verbose"), Values(depth - 1)).ArrayOf()
                    .Select(pairs => "{" + string.Join(',', pairs.Take(3).DistinctBy(p => p.Item1).Select(p => $"\"{p.Item1}\":{p.Item2}")) + "}")));

    private Gen<string> Requests(IReadOnlyList<string> methods) =>
        from method in Gen.Elements(methods.ToArray())
        from named in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from count in Gen.Choose(0, 5)
        from values in Values(2).ArrayOf(count)
        from version in Gen.Elements("", "\"jsonrpc\":\"2.0\",", "\"jsonrpc\":\"1.0\",")
        select $"{{{version}\"id\":1,\"method\":\"{method}\",\"params\":{Params(method, named, values)}}}";

    private string Params(string method, bool named, string[] values)
    {
        if (!named)
            return "[" + string.Join(',', values) + "]";
        var table = _node.Services.GetRequiredService<RpcMethodTable>();
        table.TryGet(method, out var m);
        var names = m!.Parameters.Select(p => p.Name).Append("bogus").ToArray();
        return "{" + string.Join(',', values.Select((v, i) => $"\"{names[i % names.Length]}\":{v}").DistinctBy(p => p.Split(':')[0])) + "}";
    }

    [Fact]
    public void Random_parameters_to_every_method_get_json_rpc_replies_and_no_unexpected_failure()
    {
        var methods = _node.Services.GetRequiredService<RpcMethodTable>().Names.Where(n => !Excluded.Contains(n)).ToList();
        Assert.Contains("getblock", methods);
        var property = Prop.ForAll(Requests(methods).ToArbitrary(), request =>
        {
            var (status, body) = _node.PostAsync(request).GetAwaiter().GetResult();
            return IsReply(status, body).Label($"{status} {body}");
        });
        property.Check(Config.QuickThrowOnFailure.WithMaxTest(400));
        Assert.Equal(0, _node.Services.GetRequiredService<RpcDispatcher>().UnexpectedFailures);
        Assert.Equal(0, _node.Chain.Tip.Height);
    }

    [Fact]
    public void Random_bodies_get_json_rpc_replies()
    {
        var bodies = Gen.OneOf(
            Values(3),
            ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""),
            Values(2).ArrayOf().Select(items => "[" + string.Join(',', items.Take(5)) + "]"),
            Gen.Elements("{\"method\":\"getblockcount\"", "[{\"id\":1,\"method\":\"getblockcount\"},", "\u0000", "{\"id\":1,\"method\":\"getblockcount\",\"params\":[],\"id\":2}"));
        var property = Prop.ForAll(bodies.ToArbitrary(), body =>
        {
            var (status, reply) = _node.PostAsync(body).GetAwaiter().GetResult();
            return (status == HttpStatusCode.NoContent && reply is null || IsReply(status, reply)).Label($"{status} {reply}");
        });
        property.Check(Config.QuickThrowOnFailure.WithMaxTest(300));
        Assert.Equal(0, _node.Services.GetRequiredService<RpcDispatcher>().UnexpectedFailures);
    }

    private static bool IsReply(HttpStatusCode status, JsonElement? body)
    {
        if (!Statuses.Contains(status) || body is not { } reply)
            return false;
        return reply.ValueKind switch
        {
            JsonValueKind.Object => IsReplyObject(reply),
            JsonValueKind.Array => status == HttpStatusCode.OK && reply.EnumerateArray().All(IsReplyObject),
            _ => false,
        };
    }

    private static bool IsReplyObject(JsonElement reply)
    {
        if (reply.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            return error.GetProperty("code").TryGetInt32(out int code) && code != RpcErrorCode.InternalError && error.GetProperty("message").ValueKind == JsonValueKind.String;
        return reply.TryGetProperty("result", out _);
    }
}
