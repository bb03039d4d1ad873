using Antimony.Consensus.Chain;

namespace Antimony.Consensus.Difficulty;

/// <summary>Computes the compact target ("bits") the block after a given one must carry.</summary>
public interface IDifficultyAlgorithm
{
    /// <summary>The bits required of the child of <paramref name="previous"/>.</summary>
    uint GetNextBits(ChainEntry previous);
}
