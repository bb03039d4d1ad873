using Antimony.Consensus.Difficulty;
using Antimony.Consensus.Parameters;
using Antimony.Consensus.Tests.Support;
using Antimony.Primitives.Blocks;

namespace Antimony.Consensus.Tests.Difficulty;

public sealed class RetargetIntegrationTests
{
    // Regtest's trivial limit with mainnet's retarget: fast blocks become measurably harder, still cheap to mine.
    private static readonly ChainParameters Retargeting = ChainParameters.Regtest with { DifficultyAdjustment = DifficultyAdjustment.Lwma1 };

    [Fact]
    public void Fast_blocks_raise_the_difficulty_the_header_rule_enforces()
    {
        using var node = new TestNode(Retargeting);
        Assert.IsType<Lwma1Difficulty>(node.Services.GetService(typeof(IDifficultyAlgorithm)));
        for (int i = 0; i < 61; i++)
            node.Accepts(node.Maker.Make(node.Chain.Tip, time: node.Chain.Tip.Header.Time + 2));
        var required = new Lwma1Difficulty(Retargeting).GetNextBits(node.Chain.Tip);
        Assert.True(required.ToTarget() < Retargeting.PowLimit);

        var atLimit = node.Maker.Make(node.Chain.Tip, time: node.Chain.Tip.Header.Time + 2, bits: Retargeting.PowLimitBits);
        node.Rejects(atLimit, "bad-diffbits");
        var harder = node.Maker.Make(node.Chain.Tip, time: node.Chain.Tip.Header.Time + 2);
        Assert.Equal(required, harder.Header.Bits);
        node.Accepts(harder);
        // More work per block than a block at the limit.
        Assert.True(node.Chain.Tip.ChainWork - node.Chain.Tip.Previous!.ChainWork > Retargeting.PowLimitBits.GetWork());
    }
}
