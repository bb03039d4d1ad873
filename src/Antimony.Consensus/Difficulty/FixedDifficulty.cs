using Antimony.Consensus.Chain;
using Antimony.Consensus.Parameters;
using Antimony.Primitives.Numerics;

namespace Antimony.Consensus.Difficulty;

/// <summary>Every block at the network's proof-of-work limit (regtest).</summary>
public sealed class FixedDifficulty : IDifficultyAlgorithm
{
    private readonly CompactTarget _bits;

    /// <summary>Uses <paramref name="parameters"/>' limit.</summary>
    public FixedDifficulty(ChainParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _bits = parameters.PowLimitBits;
    }

    /// <inheritdoc />
    public CompactTarget GetNextBits(ChainEntry previous) => _bits;
}
