using Antimony.Consensus.Chain;
using Antimony.Primitives.Numerics;

namespace Antimony.Consensus.Difficulty;

/// <summary>Computes the compact target ("bits") the block after a given one must carry.</summary>
public interface IDifficultyAlgorithm
{
    /// <summary>The bits required of the child of <paramref name="previous"/>.</summary>
    CompactTarget GetNextBits(ChainEntry previous);
}
