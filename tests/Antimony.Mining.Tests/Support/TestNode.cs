using Antimony.Consensus.Chain;
using Antimony.Consensus.Hosting;
using Antimony.Consensus.Mempool;
using Antimony.Consensus.Parameters;
using Antimony.Mining.Hosting;
using Antimony.Mining.Service;
using Antimony.Mining.Templates;
using Antimony.Primitives.Blocks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Antimony.Mining.Tests.Support;

/// <summary>A node composed the way a user composes one: a host with the consensus engine, in-memory store, mempool and miner.</summary>
internal sealed class TestNode : IAsyncDisposable
{
    private TestNode(IHost host) => Host = host;

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public ChainState Chain => Services.GetRequiredService<ChainState>();

    public TransactionPool Pool => Services.GetRequiredService<TransactionPool>();

    public MinerService Miner => Services.GetRequiredService<MinerService>();

    public BlockAssembler Assembler => Services.GetRequiredService<BlockAssembler>();

    public static TestNode Create(ChainParameters parameters, Action<MiningOptions> mining, Action<IServiceCollection>? before = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        before?.Invoke(builder.Services);
        builder.Services.AddAntimony(parameters).AddInMemoryStore().AddMempool().AddMining(mining);
        return new TestNode(builder.Build());
    }

    private bool _started;

    public async Task StartAsync()
    {
        await Host.StartAsync();
        _started = true;
    }

    /// <summary>Waits until the active tip reaches <paramref name="height"/>; the timeout only guards against a hang.</summary>
    public Task WaitForHeightAsync(int height, TimeSpan timeout) => WaitUntilAsync(() => Chain.Tip.Height >= height, timeout, $"tip height {height}");

    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (!condition())
        {
            if (cancellation.IsCancellationRequested)
                throw new TimeoutException($"Gave up waiting for {what} after {timeout}.");
            await Task.Delay(10, CancellationToken.None);
        }
    }

    /// <summary>The active chain's blocks above genesis, lowest first.</summary>
    public List<Block> ActiveBlocks()
    {
        var tip = Chain.Tip;
        var blocks = new List<Block>();
        for (int height = 1; height <= tip.Height; height++)
        {
            Assert.True(Chain.TryGetBlock(tip.GetAncestor(height)!.Hash, out var block));
            blocks.Add(block);
        }
        return blocks;
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
            await Host.StopAsync();
        Host.Dispose();
    }
}
