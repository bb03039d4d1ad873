using Antimony.P2P.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Antimony.P2P.Tests.Integration;

/// <summary>Address gossip: nodes advertise their listening address, and others dial it to fill outbound slots.</summary>
public sealed class GossipTests
{
    [Fact]
    public async Task A_node_learns_a_listening_address_through_the_hub_and_dials_it()
    {
        var nodes = new List<TestPeerNode>();
        try
        {
            var hub = await TestPeerNode.StartAsync();
            nodes.Add(hub);
            var hubEnd = hub.EndPoint;
            // One outbound slot, taken by the hub: the first node never dials the second itself, and since nodes do
            // not dial a node already connected either way, the link below can only be the second node's dial.
            var first = await TestPeerNode.StartAsync(o => { o.Bootstrap = [hubEnd]; o.MaxOutbound = 1; });
            nodes.Add(first);
            await Eventually.AssertAsync(() => hub.Network.Addresses.Contains(first.EndPoint), TimeSpan.FromSeconds(30), "the hub heard the first node's address");
            var second = await TestPeerNode.StartAsync(o => { o.Bootstrap = [hubEnd]; o.MaxOutbound = 2; });
            nodes.Add(second);
            await Eventually.AssertAsync(() => second.Network.Peers.Count(p => !p.IsInbound) == 2 && first.Network.Peers.Any(p => p.IsInbound),
                TimeSpan.FromSeconds(30), "the second node dialled the first through gossip");
        }
        finally
        {
            foreach (var node in nodes)
                await node.DisposeAsync();
        }
    }
}
