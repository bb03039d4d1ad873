using Antimony.Consensus.Chain;
using Antimony.Consensus.Difficulty;
using Antimony.Consensus.Hosting;
using Antimony.Consensus.Parameters;
using Antimony.Primitives.Numerics;

namespace Antimony.Mining.Tests.Support;

/// <summary>The network's own difficulty, or, while <see cref="Impossible"/> is set, a target of 1 that no hash can meet.</summary>
internal sealed class SwitchableDifficulty(ChainParameters parameters) : IDifficultyAlgorithm
{
    public const uint ImpossibleBits = 0x03000001;

    private readonly IDifficultyAlgorithm _inner = AntimonyServiceCollectionExtensions.CreateDifficulty(parameters);

    private volatile bool _impossible;

    public bool Impossible { get => _impossible; set => _impossible = value; }

    public CompactTarget GetNextBits(ChainEntry previous) => Impossible ? new CompactTarget(ImpossibleBits) : _inner.GetNextBits(previous);
}
