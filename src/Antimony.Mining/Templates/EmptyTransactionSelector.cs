using Antimony.Consensus.Mempool;
using Antimony.Primitives.Amounts;

namespace Antimony.Mining.Templates;

/// <summary>Chooses nothing: coinbase-only blocks, for nodes without a mempool.</summary>
public sealed class EmptyTransactionSelector : ITransactionSelector
{
    private static readonly PackageSelection Empty = new([], Money.Zero, 0);

    /// <summary>The shared instance.</summary>
    public static EmptyTransactionSelector Instance { get; } = new();

    /// <inheritdoc />
    public PackageSelection Select(long maxWeight) => Empty;
}
