using Antimony.P2P.Hosting;
using Antimony.P2P.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Antimony.P2P.Tests.Integration;

/// <summary>
/// The devnet launcher's tiered hierarchy over real TCP: node 0 &lt;- 1..3, node 1 &lt;- 4..6, node 2 &lt;- 7..9
/// (node i dials its parent as its only bootstrap peer).
/// </summary>
public sealed class TopologyTests(ITestOutputHelper output)
{
    private const int Size = 10;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The hierarchy's nine links, lower index first.</summary>
    private static readonly (int, int)[] Hierarchy = [.. Enumerable.Range(1, Size - 1).Select(i => (Parent(i), i))];

    [Fact]
    public async Task Outbound_limited_to_the_bootstrap_peers_keeps_exactly_the_nine_links_and_every_node_reaches_the_tip()
    {
        var nodes = new List<TestPeerNode>();
        try
        {
            // MaxOutbound = the number of bootstrap peers: 0 for the root, 1 for everyone else.
            await StartHierarchy(nodes, o => o.MaxOutbound = o.Bootstrap.Count);
            await Eventually.AssertAsync(() => Topology.Of(nodes).Edges.Count == Hierarchy.Length && HandshakesCounted(nodes) == 2 * Hierarchy.Length,
                Timeout, "the nine links are up and their handshakes counted");

            var block = await nodes[9].MineAsync(3);
            await Eventually.AssertAsync(() => nodes.All(n => n.Chain.Tip.Hash == block.Hash), Timeout, "every node reaches the leaf's tip");

            // Gossip did reach the nodes (their address books hold more than their parent), yet nobody dialled it.
            await Eventually.AssertAsync(() => nodes.Any(n => n.Network.Addresses.Count > 1), Timeout, "addresses were gossiped");
            var topology = Topology.Of(nodes);
            output.WriteLine(topology.ToString());
            Assert.Equal(Hierarchy.Order(), topology.Edges.Order());
            Assert.Equal(Hierarchy.Length, topology.OutboundConnections);
            // 18 handshakes: each of the nine links counted once by the dialler (out) and once by the listener (in).
            Assert.Equal(Hierarchy.Length, nodes.Sum(n => n.Meters.Total("antimony.p2p.handshakes", ("direction", "out"))));
            Assert.Equal(Hierarchy.Length, nodes.Sum(n => n.Meters.Total("antimony.p2p.handshakes", ("direction", "in"))));
            for (int i = 0; i < Size; i++)
            {
                int children = Hierarchy.Count(e => e.Item1 == i);
                Assert.Equal(children, nodes[i].Meters.Total("antimony.p2p.handshakes", ("direction", "in")));
                Assert.Equal(children, nodes[i].Network.Peers.Count(p => p.IsInbound));
                Assert.Equal(i == 0 ? 0 : 1, nodes[i].Network.Peers.Count(p => !p.IsInbound));
            }
        }
        finally
        {
            await TestPeerNode.DisposeAllAsync(nodes);
        }
    }

    [Fact]
    public async Task With_the_default_outbound_target_addr_gossip_grows_the_network_beyond_the_hierarchy()
    {
        var nodes = new List<TestPeerNode>();
        try
        {
            await StartHierarchy(nodes, o => Assert.Equal(new PeerToPeerOptions().MaxOutbound, o.MaxOutbound));
            await Eventually.AssertAsync(() => Topology.Of(nodes) is { } t && t.Edges.Count > Hierarchy.Length && t.Degrees.All(d => d >= 2),
                Timeout, "gossip adds links beyond the hierarchy and every node has two neighbours");
            var grown = Topology.Of(nodes);
            output.WriteLine("grown: " + grown);

            var block = await nodes[9].MineAsync(2);
            await Eventually.AssertAsync(() => nodes.All(n => n.Chain.Tip.Hash == block.Hash), Timeout, "every node reaches the leaf's tip");
            var settled = Topology.Of(nodes);
            output.WriteLine("settled: " + settled);
            Assert.True(settled.Edges.Count > Hierarchy.Length, settled.ToString());
            Assert.All(settled.Degrees, d => Assert.InRange(d, 2, Size - 1));
        }
        finally
        {
            await TestPeerNode.DisposeAllAsync(nodes);
        }
    }

    private static int Parent(int node) => node <= 3 ? 0 : node <= 6 ? 1 : 2;

    private static long HandshakesCounted(List<TestPeerNode> nodes) =>
        nodes.Sum(n => n.Meters.Total("antimony.p2p.handshakes", ("direction", "in")) + n.Meters.Total("antimony.p2p.handshakes", ("direction", "out")));

    private static async Task StartHierarchy(List<TestPeerNode> nodes, Action<PeerToPeerOptions> configure)
    {
        nodes.Add(await TestPeerNode.StartAsync(configure));
        for (int i = 1; i < Size; i++)
        {
            var parent = nodes[Parent(i)].EndPoint;
            nodes.Add(await TestPeerNode.StartAsync(o => { o.Bootstrap = [parent]; configure(o); }));
        }
    }
}
