using Antimony.Consensus.Tests.Support;
using System.Net;
using Antimony.Consensus.Chain;
using Antimony.Consensus.Difficulty;
using Antimony.Consensus.Hosting;
using Antimony.Consensus.Mempool;
using Antimony.Consensus.Parameters;
using Antimony.P2P.Connections;
using Antimony.P2P.Hosting;
using Antimony.Primitives.Blocks;
using Antimony.Storage.RocksDb;
using Microsoft.Extensions.DependencyInjection;

namespace Antimony.P2P.Tests.Support;

/// <summary>One in-process regtest node on 127.0.0.1 (port 0), composed as an application would compose it.</summary>
internal sealed class TestPeerNode : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestPeerNode(ServiceProvider services, NodeMeters meters)
    {
        _services = services;
        Meters = meters;
        Network = services.GetRequiredService<PeerNetwork>();
        Chain = services.GetRequiredService<ChainState>();
        Pool = services.GetRequiredService<TransactionPool>();
        Maker = new BlockMaker(ChainParameters.Regtest, services.GetRequiredService<IDifficultyAlgorithm>(), Wallet);
        LoadedHeight = Chain.Tip.Height;
    }

    public PeerNetwork Network { get; }

    public ChainState Chain { get; }

    public TransactionPool Pool { get; }

    public TestWallet Wallet { get; } = new();

    public BlockMaker Maker { get; }

    /// <summary>This node's own instruments (P2P and consensus), read through its own listener.</summary>
    public NodeMeters Meters { get; }

    /// <summary>The tip height the chain state opened with, before the network started (non-zero after a restart).</summary>
    public int LoadedHeight { get; }

    public IPEndPoint EndPoint => Network.LocalEndPoint!;

    /// <summary>Starts a node and adds it to <paramref name="nodes"/>, which the test disposes with <see cref="DisposeAllAsync"/>.</summary>
    public static async Task<TestPeerNode> StartIntoAsync(List<TestPeerNode> nodes, Action<PeerToPeerOptions>? configure = null)
    {
        var node = await StartAsync(configure);
        nodes.Add(node);
        return node;
    }

    /// <summary>Stops every node of a test.</summary>
    public static async Task DisposeAllAsync(IEnumerable<TestPeerNode> nodes)
    {
        foreach (var node in nodes)
            await node.DisposeAsync();
    }

    /// <summary>A loopback port free at the moment of asking (nothing listens on it).</summary>
    public static int FreePort()
    {
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        socket.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        return ((System.Net.IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>
    /// Starts a node; with <paramref name="dataDirectory"/> its chain lives in a RocksDB store there (and survives
    /// a restart), otherwise in memory.
    /// </summary>
    public static async Task<TestPeerNode> StartAsync(Action<PeerToPeerOptions>? configure = null, string? dataDirectory = null)
    {
        var services = new ServiceCollection();
        var meters = new NodeMeters();
        services.AddSingleton<System.Diagnostics.Metrics.IMeterFactory>(meters);
        var antimony = services.AddAntimony(ChainParameters.Regtest).AddInMemoryStore();
        if (dataDirectory is not null)
            antimony.AddRocksDbStore(dataDirectory);
        antimony.AddMempool().AddPeerToPeer(o =>
        {
            o.Listen = new IPEndPoint(IPAddress.Loopback, 0);
            o.ReconnectDelay = TimeSpan.FromMilliseconds(100);
            configure?.Invoke(o);
        });
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        TestPeerNode? node = null;
        try
        {
            node = new TestPeerNode(provider, meters);
            await node.Network.StartAsync(CancellationToken.None);
        }
        catch
        {
            await provider.DisposeAsync();
            meters.Dispose();
            throw;
        }
        return node;
    }

    /// <summary>Mines <paramref name="count"/> empty blocks straight into the chain (no network involved).</summary>
    public async Task<Block> MineAsync(int count)
    {
        Block? last = null;
        for (int i = 0; i < count; i++)
        {
            last = Maker.Make(Chain.Tip);
            var result = await Chain.ProcessBlockAsync(last);
            if (result.Acceptance != BlockAcceptance.Active)
                throw new InvalidOperationException($"Block {i} not connected: {result}");
        }
        return last!;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await Network.StopAsync(timeout.Token);
        }
        finally
        {
            await _services.DisposeAsync();
            Meters.Dispose();
        }
    }
}
