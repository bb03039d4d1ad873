using Antimony.Devnet.Checks;
using Antimony.Devnet.Topology;

namespace Antimony.Devnet.Tests;

public sealed class TopologyPlanTests
{
    [Fact]
    public void The_tiered_ten_node_plan_is_the_original_hierarchy()
    {
        var plan = TopologyPlan.Create(TopologyKind.Tiered, 10);
        int[] expectedParent = [-1, 0, 0, 0, 1, 1, 1, 2, 2, 2];
        Assert.Empty(plan.BootstrapsOf(0));
        for (int i = 1; i < 10; i++)
            Assert.Equal([expectedParent[i]], plan.BootstrapsOf(i));
        Assert.Equal(9, plan.Edges.Count);
        Assert.Equal(2, plan.DepthOf(9));
        Assert.Equal(1, plan.DepthOf(3));
    }

    [Property]
    public Property Every_plan_dials_only_earlier_nodes_and_joins_every_node(PositiveInt size, bool line, bool mesh)
    {
        int n = Math.Min(size.Get, 120);
        var kind = mesh ? TopologyKind.Mesh : line ? TopologyKind.Line : TopologyKind.Tiered;
        var plan = TopologyPlan.Create(kind, n);
        bool earlier = Enumerable.Range(0, n).All(i => plan.BootstrapsOf(i).All(b => b < i && b >= 0));
        bool everyoneButRootDials = Enumerable.Range(1, n - 1).All(i => plan.BootstrapsOf(i).Count > 0);
        int expectedEdges = kind == TopologyKind.Mesh ? n * (n - 1) / 2 : n - 1;
        return (earlier && everyoneButRootDials && ConnectivityCheck.IsConnected(n, plan.Edges) && plan.Edges.Count == expectedEdges)
            .Label($"{kind} with {n} nodes");
    }

    [Property]
    public Property A_tiered_bootstrap_serves_at_most_three_nodes(PositiveInt size)
    {
        int n = Math.Min(size.Get, 500);
        var plan = TopologyPlan.Create(TopologyKind.Tiered, n);
        return plan.Edges.GroupBy(e => e.To).All(g => g.Count() <= TopologyPlan.TieredFanOut).Label($"{n} nodes");
    }

    [Fact]
    public void Regions_cycle_through_nine_labels()
    {
        Assert.Equal(9, Regions.All.Distinct().Count());
        Assert.Equal(Regions.Of(0), Regions.Of(9));
        Assert.NotEqual(Regions.Of(0), Regions.Of(1));
    }

    [Fact]
    public void A_split_graph_is_not_connected()
    {
        Assert.False(ConnectivityCheck.IsConnected(4, [(1, 0), (3, 2)]));
        Assert.True(ConnectivityCheck.IsConnected(4, [(1, 0), (3, 2), (2, 1)]));
        Assert.True(ConnectivityCheck.IsConnected(1, []));
    }
}
