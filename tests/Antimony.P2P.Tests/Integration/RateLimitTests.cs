using System.Net;
using Antimony.Consensus.Chain;
using Antimony.P2P.Tests.Support;
using Antimony.Primitives.Amounts;
using Xunit;
using Xunit.Abstractions;

namespace Antimony.P2P.Tests.Integration;

/// <summary>The default rate limits against honest traffic: they must never trip.</summary>
public sealed class RateLimitTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_sync_of_thousands_of_blocks_and_of_near_1_MB_blocks_never_trips_the_default_limits()
    {
        // Empty allow lists: a tripped limit would discourage 127.0.0.1, which the test would see.
        var source = await TestPeerNode.StartAsync(o => { o.AllowList = []; o.MaxOutbound = 0; });
        TestPeerNode? fresh = null;
        try
        {
            await source.MineAsync(2_500);
            // 20,000 zero-value outputs in the coinbase: about 860 KB (3.4 M weight units) per block.
            var script = source.Wallet.Default;
            for (int i = 0; i < 8; i++)
                await Connect(source, source.Maker.Make(source.Chain.Tip, editCoinbase: b =>
                {
                    for (int k = 0; k < 20_000; k++)
                        b.AddOutput(Money.Zero, script);
                    return b;
                }));
            long bigSize = source.Chain.TryGetBlock(source.Chain.Tip.Hash, out var big) ? big.SerializedSize : 0;
            var sourceEnd = source.EndPoint;
            fresh = await TestPeerNode.StartAsync(o => { o.AllowList = []; o.Bootstrap = [sourceEnd]; o.MaxOutbound = 1; });
            await Eventually.AssertAsync(() => fresh.Chain.Tip.Hash == source.Chain.Tip.Hash, Timeout, "the fresh node reaches the source's tip");
            Assert.Empty(source.Network.Discouragement.Entries);
            Assert.Empty(fresh.Network.Discouragement.Entries);
            Assert.Equal(1, fresh.Network.HandshakesSucceeded); // one connection all along: never dropped
            output.WriteLine($"synced {fresh.Chain.Tip.Height} blocks, the last 8 of {bigSize} bytes, without tripping a limit");
        }
        finally
        {
            if (fresh is not null)
                await fresh.DisposeAsync();
            await source.DisposeAsync();
        }
    }

    private static async Task Connect(TestPeerNode node, Primitives.Blocks.Block block)
    {
        var result = await node.Chain.ProcessBlockAsync(block);
        Assert.Equal(BlockAcceptance.Active, result.Acceptance);
    }
}
