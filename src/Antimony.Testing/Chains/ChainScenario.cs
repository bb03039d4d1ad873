using Antimony.Consensus.Parameters;
using Antimony.Primitives.Blocks;

namespace Antimony.Testing.Chains;

/// <summary>
/// A generated history of valid blocks with forks, in the order a node would receive them, and the block that must
/// be the active tip after all are processed: the highest (every regtest block has equal work), the first received
/// among equals, since a node switches branch only for strictly more work.
/// </summary>
/// <param name="Parameters">The network the blocks are valid on.</param>
/// <param name="Blocks">Every block, each after its parent.</param>
/// <param name="ExpectedTip">The block that must end up as the active tip.</param>
/// <param name="Forks">How many times a block was built on something other than the previous block.</param>
/// <param name="Seed">The builder's seed: the keys that own the scenario's coins.</param>
public sealed record ChainScenario(ChainParameters Parameters, IReadOnlyList<BuiltBlock> Blocks, BuiltBlock ExpectedTip, int Forks, int Seed)
{
    /// <summary>
    /// A builder holding the scenario's keys, to build further blocks and spends on any of its blocks (its blocks
    /// differ from the scenario's own by their parents, so none collides with one already in the scenario).
    /// </summary>
    public ChainBuilder Continue()
    {
        var builder = new ChainBuilder(Parameters, Seed);
        builder.Adopt(Blocks);
        return builder;
    }

    /// <summary>The blocks alone, in submission order.</summary>
    public IEnumerable<Block> BlocksInOrder => Blocks.Select(b => b.Block);

    /// <summary>How many transactions other than coinbases the scenario spends.</summary>
    public int Spends => Blocks.Sum(b => b.Block.Transactions.Length - 1);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Blocks.Count} blocks, {Forks} forks, {Spends} spends, tip at {ExpectedTip.Height} ({ExpectedTip.Hash})";
}
