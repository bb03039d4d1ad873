using Antimony.Consensus.Chain;
using Antimony.Primitives.Blocks;

namespace Antimony.Consensus.Tests.Support;

/// <summary>Submits a block that must be rejected and checks the code and that the chain state did not change by a byte.</summary>
internal static class RejectionAssert
{
    public static BlockProcessingResult Rejects(this TestNode node, Block block, string code)
    {
        var before = node.State.Snapshot();
        var tip = node.Chain.Tip;
        var result = node.Submit(block);
        Assert.Equal(BlockAcceptance.Rejected, result.Acceptance);
        Assert.Equal(code, result.Code);
        Assert.Same(tip, node.Chain.Tip);
        Assert.Equal(before, node.State.Snapshot());
        return result;
    }

    public static BlockProcessingResult Accepts(this TestNode node, Block block)
    {
        var result = node.Submit(block);
        Assert.True(result.Acceptance == BlockAcceptance.Active, $"expected the block on the active chain, got {result}");
        Assert.Equal(block.Hash, node.Chain.Tip.Hash);
        return result;
    }
}
