using Antimony.Consensus.Chain;
using Antimony.Consensus.Tests.Support;
using Antimony.Primitives.Blocks;

namespace Antimony.Consensus.Tests.Chain;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Concurrent_submissions_are_serialized_and_readers_never_see_a_half_connected_block()
    {
        using var source = new TestNode();
        var branchA = new List<Block>();
        var branchB = new List<Block>();
        var parent = source.Chain.Tip;
        for (int i = 0; i < 12; i++)
        {
            branchA.Add(source.Maker.Make(i == 0 ? source.Chain.Tip : source.Chain.TryGetEntry(branchA[^1].Hash, out var a) ? a : null!));
            source.Submit(branchA[^1]);
        }
        for (int i = 0; i < 15; i++)
        {
            var onto = i == 0 ? source.Chain.Genesis : source.Chain.TryGetEntry(branchB[^1].Hash, out var b) ? b : null!;
            branchB.Add(source.Maker.Make(onto));
            source.Submit(branchB[^1]);
        }

        using var node = new TestNode();
        var tips = new List<int>();
        node.Events.TipChanged += (_, e) =>
        {
            lock (tips)
                tips.Add(e.NewTip.Height);
        };
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            int reads = 0;
            do
            {
                // A visible tip is always a fully connected block: on the active chain, or already replaced.
                var tip = node.Chain.Tip;
                Assert.True(node.Chain.IsActive(tip) || node.Chain.Tip != tip);
                Assert.True((tip.Status & BlockStatus.HasData) != 0);
                reads++;
            }
            while (!stop.IsCancellationRequested);
            return reads;
        });
        await Task.WhenAll(
            Task.Run(async () => { foreach (var block in branchA) await node.Chain.ProcessBlockAsync(block); }),
            Task.Run(async () => { foreach (var block in branchB) await node.Chain.ProcessBlockAsync(block); }));
        await stop.CancelAsync();
        Assert.True(await reader > 0);
        Assert.Equal(branchB[^1].Hash, node.Chain.Tip.Hash);
        Assert.Equal(source.State.Snapshot(), node.State.Snapshot());
        Assert.Equal(15, tips[^1]);
    }
}
