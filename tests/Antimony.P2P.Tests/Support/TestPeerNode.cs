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
using Microsoft.Extensions.DependencyInjection;

namespace Antimony.P2P.Tests.Support;

/// <summary>One in-process regtest node on 127.0.0.1 (port 0), composed as an application would compose it.</summary>
internal sealed class TestPeerNode : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestPeerNode(ServiceProvider services)
    {
        _services = services;
        Network = services.GetRequiredService<PeerNetwork>();
        Chain = services.GetRequiredService<ChainState>();
        Pool = services.GetRequiredService<TransactionPool>();
        Maker = new BlockMaker(ChainParameters.Regtest, services.GetRequiredService<IDifficultyAlgorithm>(), Wallet);
    }

    public PeerNetwork Network { get; }

    public ChainState Chain { get; }

    public TransactionPool Pool { get; }

    public TestWallet Wallet { get; } = new();

    public BlockMaker Maker { get; }

    public IPEndPoint EndPoint => Network.LocalEndPoint!;

    public static async Task<TestPeerNode> StartAsync(Action<PeerToPeerOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddAntimony(ChainParameters.Regtest).AddInMemoryStore().AddMempool().AddPeerToPeer(o =>
        {
            o.Listen = new IPEndPoint(IPAddress.Loopback, 0);
            o.ReconnectDelay = TimeSpan.FromMilliseconds(100);
            configure?.Invoke(o);
        });
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var node = new TestPeerNode(provider);
        try
        {
            await node.Network.StartAsync(CancellationToken.None);
        }
        catch
        {
            await provider.DisposeAsync();
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
        }
    }
}
