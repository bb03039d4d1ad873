using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Antimony.Consensus.Chain;
using Antimony.Consensus.Hosting;
using Antimony.Consensus.Mempool;
using Antimony.Consensus.Parameters;
using Antimony.Mining.Hosting;
using Antimony.P2P.Connections;
using Antimony.P2P.Hosting;
using Antimony.Primitives.Addresses;
using Antimony.Rpc.Hosting;
using Antimony.Testing.Chains;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Antimony.Rpc.Tests.Support;

/// <summary>
/// A regtest node composed as atmn-node composes one (WebApplication, in-memory store, mempool, P2P on port 0,
/// miner stopped, RPC on a free loopback port with cookie authentication in a temporary data directory).
/// </summary>
internal sealed class RpcTestNode : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RpcTestNode(WebApplication app, string dataDirectory, Uri address)
    {
        _app = app;
        DataDirectory = dataDirectory;
        Address = address;
        var options = app.Services.GetRequiredService<IOptions<RpcOptions>>().Value;
        string cookiePath = Path.Combine(dataDirectory, ".cookie");
        var cookie = File.Exists(cookiePath) ? File.ReadAllText(cookiePath) : $"{options.User}:{options.Password}";
        Client = new HttpClient { BaseAddress = address };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(cookie)));
    }

    /// <summary>Keys whose first P2TR script receives mined coinbases in the tests.</summary>
    public static TestKeyring Keys { get; } = new(seed: 6, count: 4);

    public string DataDirectory { get; }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public ChainState Chain => Services.GetRequiredService<ChainState>();

    public TransactionPool Pool => Services.GetRequiredService<TransactionPool>();

    public PeerNetwork Network => Services.GetRequiredService<PeerNetwork>();

    public static string MinerAddress(int index = 0) => SegwitAddress.FromScript(Keys.Scripts[index], ChainParameters.Regtest.Network).ToString();

    public static async Task<RpcTestNode> StartAsync(Action<RpcOptions>? rpc = null, Action<IAntimonyBuilder, string>? compose = null, ChainParameters? network = null)
    {
        string dataDirectory = Path.Combine(Path.GetTempPath(), "antimony-rpc-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var parameters = network ?? ChainParameters.Regtest;
        var antimony = builder.Services.AddAntimony(parameters).AddInMemoryStore().AddMempool()
            .AddPeerToPeer(o => o.Listen = new IPEndPoint(IPAddress.Loopback, 0))
            .AddMining(o =>
            {
                o.Address = SegwitAddress.FromScript(Keys.Scripts[0], parameters.Network).ToString();
                o.StartOnLaunch = false;
            })
            .AddRpc(o =>
            {
                o.Port = 0;
                o.CookieDirectory = dataDirectory;
                o.AuthenticationFailureDelay = TimeSpan.Zero;
                rpc?.Invoke(o);
            });
        compose?.Invoke(antimony, dataDirectory);
        var app = builder.Build();
        app.MapAntimonyRpc();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            if (Directory.Exists(dataDirectory))
                Directory.Delete(dataDirectory, recursive: true);
            throw;
        }
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new RpcTestNode(app, dataDirectory, new Uri(addresses.First()));
    }

    /// <summary>Posts a raw body and returns the status and parsed reply (null when the body is empty).</summary>
    public async Task<(HttpStatusCode Status, JsonElement? Body)> PostAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync("/", content);
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Calls <paramref name="method"/> with positional params (a JSON array text) in a legacy envelope; returns the reply object.</summary>
    public async Task<JsonElement> CallRawAsync(string method, string parameters = "[]")
    {
        var (_, body) = await PostAsync($$"""{"id":1,"method":"{{method}}","params":{{parameters}}}""");
        return body!.Value;
    }

    /// <summary>Calls a method and returns its result, failing the test on an error.</summary>
    public async Task<JsonElement> CallAsync(string method, string parameters = "[]")
    {
        var reply = await CallRawAsync(method, parameters);
        var error = reply.GetProperty("error");
        Assert.True(error.ValueKind == JsonValueKind.Null, $"{method} {parameters} failed: {error}");
        return reply.GetProperty("result");
    }

    /// <summary>Calls a method that must fail and returns the error code and message.</summary>
    public async Task<(int Code, string Message)> CallErrorAsync(string method, string parameters = "[]")
    {
        var reply = await CallRawAsync(method, parameters);
        var error = reply.GetProperty("error");
        Assert.True(error.ValueKind == JsonValueKind.Object, $"{method} {parameters} succeeded: {reply}");
        return (error.GetProperty("code").GetInt32(), error.GetProperty("message").GetString()!);
    }

    /// <summary>Mines <paramref name="count"/> blocks to <paramref name="address"/> through <c>generatetoaddress</c> and returns their hashes.</summary>
    public async Task<List<string>> GenerateAsync(int count, string? address = null)
    {
        var result = await CallAsync("generatetoaddress", $"[{count},\"{address ?? MinerAddress()}\"]");
        return [.. result.EnumerateArray().Select(e => e.GetString()!)];
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            await _app.StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
            if (Directory.Exists(DataDirectory))
                Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
