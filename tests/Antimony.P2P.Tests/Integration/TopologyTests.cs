using Antimony.P2P.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Antimony.P2P.Tests.Integration;

/// <summary>The devnet launcher's tiered hierarchy: node 0 &lt;- 1..3, node 1 &lt;- 4..6, node 2 &lt;- 7..9.</summary>
public sealed class TopologyTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_block_from_a_leaf_reaches_every_node_of_the_tiered_hierarchy()
    {
        var nodes = new List<TestPeerNode>();
        try
        {
            nodes.Add(await TestPeerNode.StartAsync(o => o.MaxOutbound = 0));
            for (int i = 1; i <= 9; i++)
            {
                int parent = i <= 3 ? 0 : i <= 6 ? 1 : 2;
                var target = nodes[parent].EndPoint;
                nodes.Add(await TestPeerNode.StartAsync(o => { o.Bootstrap = [target]; o.MaxOutbound = 1; }));
            }
            await Eventually.AssertAsync(() => nodes.Skip(1).All(n => n.Network.Peers.Any(p => !p.IsInbound)), Timeout, "every link is up");
            Assert.Equal(3, nodes[0].Network.Peers.Count);
            Assert.Equal(4, nodes[1].Network.Peers.Count);
            var started = System.Diagnostics.Stopwatch.StartNew();
            var block = await nodes[9].MineAsync(1);
            await Eventually.AssertAsync(() => nodes.All(n => n.Chain.Tip.Hash == block.Hash), Timeout, "the block reaches all ten nodes");
            output.WriteLine($"leaf block reached all 10 nodes (4 hops to node 4) in {started.ElapsedMilliseconds} ms");
        }
        finally
        {
            foreach (var node in nodes)
                await node.DisposeAsync();
        }
    }
}
