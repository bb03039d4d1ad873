using Antimony.Simulation.Network;

namespace Antimony.Simulation.Tests.Network;

public sealed class TopologyTests
{
    [Fact]
    public void The_tiered_topology_is_the_devnet_bootstrap_hierarchy()
    {
        var links = Topology.Build(TopologyKind.Tiered, 10, 8, new Random(1));

        Assert.Equal([(1, 0), (2, 0), (3, 0), (4, 1), (5, 1), (6, 1), (7, 2), (8, 2), (9, 2)], links);
    }

    [Property]
    public Property Random_links_are_distinct_and_give_each_node_at_least_its_outbound_count_of_peers() =>
        Prop.ForAll(Gen.Choose(10, 300).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (nodes, seed) =>
        {
            var links = Topology.Build(TopologyKind.Random, nodes, 8, new Random(seed));
            var pairs = links.Select(l => (Math.Min(l.From, l.To), Math.Max(l.From, l.To))).ToList();
            bool distinct = pairs.Distinct().Count() == pairs.Count && links.TrueForAll(l => l.From != l.To);
            // A node whose candidates already dialled it (small networks) opens fewer, but every node has 8 peers.
            bool outbound = Enumerable.Range(0, nodes).All(n => links.Count(l => l.From == n) <= 8);
            bool degree = Enumerable.Range(0, nodes).All(n => links.Count(l => l.From == n || l.To == n) >= 8);
            return (distinct && outbound && degree).Label($"{links.Count} links");
        });

    [Fact]
    public void Tiny_random_networks_connect_every_pair_at_most_once()
    {
        var links = Topology.Build(TopologyKind.Random, 3, 8, new Random(1));
        Assert.Equal(3, links.Count);
    }
}
