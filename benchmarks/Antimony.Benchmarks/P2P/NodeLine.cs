using System.Net;
using Antimony.Consensus.Chain;
using Antimony.Consensus.Events;
using Antimony.Consensus.Hosting;
using Antimony.Consensus.Parameters;
using Antimony.P2P.Connections;
using Antimony.P2P.Hosting;
using Antimony.Primitives.Blocks;
using Antimony.Testing.Chains;
using Microsoft.Extensions.DependencyInjection;

namespace Antimony.Benchmarks.P2P;

/// <summary>
/// Regtest nodes in one process over TCP on 127.0.0.1, each dialling the one before it and nothing else (the head
/// has no outbound slot, the others one), so a block connected at the head crosses every link in turn.
/// </summary>
internal sealed class NodeLine : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly List<ServiceProvider> _nodes = [];
    private readonly ChainBuilder _blocks = new(seed: 5);
    private TaskCompletionSource<BlockHash>? _arrival;
    private BlockHash _awaited;

    private NodeLine()
    {
    }

    private ChainState Head => _nodes[0].GetRequiredService<ChainState>();

    /// <summary>Starts <paramref name="count"/> nodes and waits until every link completed its handshake.</summary>
    public static async Task<NodeLine> StartAsync(int count)
    {
        var line = new NodeLine();
        IPEndPoint? previous = null;
        for (int i = 0; i < count; i++)
        {
            var services = new ServiceCollection();
            var parent = previous;
            services.AddAntimony(ChainParameters.Regtest).AddInMemoryStore().AddPeerToPeer(o =>
            {
                o.Listen = new IPEndPoint(IPAddress.Loopback, 0);
                o.Bootstrap = parent is null ? [] : [parent];
                o.MaxOutbound = o.Bootstrap.Count;
                o.ReconnectDelay = TimeSpan.FromMilliseconds(100);
            });
            var provider = services.BuildServiceProvider();
            line._nodes.Add(provider);
            var network = provider.GetRequiredService<PeerNetwork>();
            await network.StartAsync(CancellationToken.None);
            previous = network.LocalEndPoint;
        }
        line._nodes[^1].GetRequiredService<IChainEvents>().TipChanged += line.OnFarTipChanged;
        using var deadline = new CancellationTokenSource(Deadline);
        while (!line._nodes.Skip(1).All(n => n.GetRequiredService<PeerNetwork>().Peers.Any(p => !p.IsInbound)))
            await Task.Delay(20, deadline.Token);
        return line;
    }

    /// <summary>Connects a new block at the head and completes when the far end has connected it; returns its height.</summary>
    public async Task<int> RelayAsync()
    {
        var block = _blocks.AddBlock();
        _awaited = block.Hash;
        _arrival = new TaskCompletionSource<BlockHash>(TaskCreationOptions.RunContinuationsAsynchronously);
        var result = await Head.ProcessBlockAsync(block.Block);
        if (result.Acceptance != BlockAcceptance.Active)
            throw new InvalidOperationException($"The head refused block {block.Height}: {result}");
        await _arrival.Task.WaitAsync(Deadline);
        return block.Height;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await node.GetRequiredService<PeerNetwork>().StopAsync(timeout.Token);
            await node.DisposeAsync();
        }
        _blocks.Dispose();
    }

    private void OnFarTipChanged(object? sender, TipChangedEventArgs e)
    {
        if (e.NewTip.Hash == _awaited)
            _arrival?.TrySetResult(e.NewTip.Hash);
    }
}
