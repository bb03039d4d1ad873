using Antimony.P2P.Tests.Support;
using Xunit;

namespace Antimony.P2P.Tests.Integration;

/// <summary>Issue 5, item 6: block propagation delay as first-seen time against header time.</summary>
public sealed class BlockDelayTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_relayed_block_records_its_delay_from_header_time_to_first_sight_and_its_propagation()
    {
        var nodes = new List<TestPeerNode>();
        try
        {
            var miner = await TestPeerNode.StartAsync();
            nodes.Add(miner);
            var minerEnd = miner.EndPoint;
            var follower = await TestPeerNode.StartAsync(o => o.Bootstrap = [minerEnd]);
            nodes.Add(follower);
            await Eventually.AssertAsync(() => follower.Network.Peers.Count == 1 && miner.Network.Peers.Count == 1, Timeout, "connected");

            // A header an hour old: the follower first sees it an hour (plus the relay) after its time.
            long before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            uint headerTime = (uint)(before / 1000) - 3600;
            var block = miner.Maker.Make(miner.Chain.Tip, time: headerTime);
            Assert.Equal(Consensus.Chain.BlockAcceptance.Active, (await miner.Chain.ProcessBlockAsync(block)).Acceptance);
            await Eventually.AssertAsync(() => follower.Chain.Tip.Hash == block.Hash && follower.Meters.Values("antimony.p2p.block_delay").Length == 1,
                Timeout, "the follower connects the block and records its delay");
            long after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

            double delay = Assert.Single(follower.Meters.Values("antimony.p2p.block_delay"));
            Assert.InRange(delay, before - headerTime * 1000.0, after - headerTime * 1000.0);
            Assert.Single(follower.Meters.Values("antimony.p2p.block_propagation"));
            // The miner never saw its own block on the network: nothing to record there.
            Assert.Empty(miner.Meters.Values("antimony.p2p.block_delay"));
        }
        finally
        {
            foreach (var node in nodes)
                await node.DisposeAsync();
        }
    }
}
