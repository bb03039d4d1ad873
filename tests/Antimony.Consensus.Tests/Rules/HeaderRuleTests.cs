using Antimony.Consensus.Chain;
using Antimony.Consensus.Tests.Support;
using Antimony.Consensus.Validation;
using Antimony.Primitives.Blocks;

namespace Antimony.Consensus.Tests.Rules;

public sealed class HeaderRuleTests
{
    private static Block Reheader(Block block, Func<BlockHeader, BlockHeader> edit, bool mine = true)
    {
        var header = edit(block.Header);
        return new Block(mine ? BlockMaker.Mine(header) : header, block.Transactions);
    }

    [Fact]
    public void High_hash_rejects_a_header_above_its_target_and_accepts_one_below()
    {
        using var node = new TestNode();
        var block = node.Maker.Make(node.Chain.Tip);
        node.Rejects(new Block(BlockMaker.Unmine(block.Header), block.Transactions), "high-hash");
        node.Accepts(block);
    }

    [Fact]
    public void High_hash_rejects_bits_easier_than_the_limit_or_negative()
    {
        using var node = new TestNode();
        var block = node.Maker.Make(node.Chain.Tip);
        node.Rejects(Reheader(block, h => h with { Bits = new(0x2100ffff) }), "high-hash");
        node.Rejects(Reheader(block, h => h with { Bits = new(0x20800000) }, mine: false), "high-hash");
    }

    [Fact]
    public void Bad_diffbits_rejects_bits_other_than_required()
    {
        using var node = new TestNode();
        var block = node.Maker.Make(node.Chain.Tip);
        // Slightly harder than the limit: still cheap to mine, but not what regtest requires.
        node.Rejects(Reheader(block, h => h with { Bits = new(0x207ffffe) }), "bad-diffbits");
        node.Accepts(block);
    }

    [Fact]
    public void Time_too_old_rejects_a_time_at_the_median_and_accepts_one_after()
    {
        using var node = new TestNode();
        node.MineEmpty(11);
        uint median = node.Chain.Tip.MedianTimePast;
        node.Rejects(node.Maker.Make(node.Chain.Tip, time: median), "time-too-old");
        node.Accepts(node.Maker.Make(node.Chain.Tip, time: median + 1));
    }

    [Fact]
    public void Time_too_new_is_premature_and_the_same_block_is_accepted_once_the_clock_catches_up()
    {
        using var node = new TestNode();
        uint now = (uint)node.Clock.GetUtcNow().ToUnixTimeSeconds();
        var early = node.Maker.Make(node.Chain.Tip, time: now + 181);
        var result = node.Rejects(early, "time-too-new");
        Assert.Equal(RejectCategory.Premature, result.Result.Reason!.Value.Category);
        Assert.False(node.Chain.TryGetEntry(early.Hash, out _));
        node.Clock.Advance(TimeSpan.FromSeconds(1));
        node.Accepts(early);
    }

    [Fact]
    public void Time_exactly_at_the_future_limit_is_accepted()
    {
        using var node = new TestNode();
        uint now = (uint)node.Clock.GetUtcNow().ToUnixTimeSeconds();
        node.Accepts(node.Maker.Make(node.Chain.Tip, time: now + 180));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(-1)]
    public void Bad_version_rejects_versions_below_four(int version)
    {
        using var node = new TestNode();
        node.Rejects(node.Maker.Make(node.Chain.Tip, version: version), "bad-version");
        node.Accepts(node.Maker.Make(node.Chain.Tip, version: 4));
    }

    [Fact]
    public async Task Headers_first_adds_headers_without_moving_the_tip()
    {
        using var node = new TestNode();
        var first = node.Maker.Make(node.Chain.Tip);
        var result = await node.Chain.ProcessHeadersAsync([first.Header]);
        Assert.True(result.IsValid);
        Assert.True(node.Chain.TryGetEntry(first.Hash, out var entry));
        Assert.Equal(BlockStatus.None, entry.Status);
        Assert.Equal(0, node.Chain.Tip.Height);
        var bad = await node.Chain.ProcessHeadersAsync([BlockMaker.Unmine(node.Maker.Make(entry).Header)]);
        Assert.Equal("high-hash", bad.Code);
        node.Accepts(first);
    }

    [Fact]
    public void A_custom_median_span_is_honoured()
    {
        using var node = new TestNode(Antimony.Consensus.Parameters.ChainParameters.Regtest with { MedianTimeSpan = 3 });
        node.MineEmpty(5);
        uint median = node.Chain.Tip.GetMedianTimePast(3);
        Assert.True(median > node.Chain.Tip.MedianTimePast);
        node.Rejects(node.Maker.Make(node.Chain.Tip, time: median), "time-too-old");
        node.Accepts(node.Maker.Make(node.Chain.Tip, time: median + 1));
    }
}
