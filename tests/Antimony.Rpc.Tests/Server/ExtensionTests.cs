using System.Text;
using System.Text.Json;
using Antimony.Rpc.Hosting;
using Antimony.Rpc.Methods;
using Antimony.Rpc.Server;
using Antimony.Rpc.Tests.Support;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Antimony.Rpc.Tests.Server;

/// <summary>Host-defined methods, replacement of built-ins, and the warm-up answer.</summary>
public sealed class ExtensionTests
{
    private sealed class Echo : IRpcMethod
    {
        private static readonly RpcParameter[] Declared = [RpcParameter.Req("text"), RpcParameter.Opt("times")];

        public string Name => "echo";

        public IReadOnlyList<RpcParameter> Parameters => Declared;

        public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
        {
            result.WriteStringValue(string.Concat(Enumerable.Repeat(parameters.GetString(0), parameters.GetOptionalInt32(1) ?? 1)));
            return ValueTask.CompletedTask;
        }
    }

    private sealed class FixedUptime : IRpcMethod
    {
        public string Name => "uptime";

        public IReadOnlyList<RpcParameter> Parameters => [];

        public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
        {
            result.WriteNumberValue(42);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class NotStarted : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }

    [Fact]
    public async Task A_host_adds_its_own_methods_and_can_replace_built_in_ones()
    {
        await using var node = await RpcTestNode.StartAsync(compose: (antimony, _) => antimony.AddRpcMethod<Echo>().AddRpcMethod<FixedUptime>());
        Assert.Equal("abab", (await node.CallAsync("echo", "[\"ab\",2]")).GetString());
        Assert.Equal("x", (await node.CallAsync("echo", "{\"text\":\"x\"}")).GetString());
        Assert.Equal(-1, (await node.CallErrorAsync("echo")).Code);
        Assert.Equal(42, (await node.CallAsync("uptime")).GetInt32());
    }

    [Fact]
    public async Task Before_the_host_has_started_methods_answer_warming_up()
    {
        var dispatcher = new RpcDispatcher(new RpcMethodTable([new Echo(), new FixedUptime()]), Options.Create(new RpcOptions()),
            NullLogger<RpcDispatcher>.Instance, new NotStarted());
        var reply = await dispatcher.DispatchAsync(Encoding.UTF8.GetBytes("""{"id":1,"method":"echo","params":["a"]}"""), CancellationToken.None);
        Assert.Equal(500, reply.StatusCode);
        Assert.Equal(-28, JsonDocument.Parse(reply.Body).RootElement.GetProperty("error").GetProperty("code").GetInt32());
        var uptime = await dispatcher.DispatchAsync(Encoding.UTF8.GetBytes("""{"id":1,"method":"uptime"}"""), CancellationToken.None);
        Assert.Equal(200, uptime.StatusCode);
    }
}
