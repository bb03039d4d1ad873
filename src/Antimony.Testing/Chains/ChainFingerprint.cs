using Antimony.Consensus.Coins;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Transactions;

namespace Antimony.Testing.Chains;

/// <summary>The observable chain state (tip and UTXO set) at one moment; two are equal when nothing a rule can affect changed.</summary>
/// <param name="Tip">The active tip's hash.</param>
/// <param name="Height">The active tip's height.</param>
/// <param name="Coins">The UTXO set.</param>
public sealed record ChainFingerprint(BlockHash Tip, int Height, IReadOnlyDictionary<OutPoint, Coin> Coins)
{
    /// <summary>Equal tips and equal UTXO sets (same outpoints with equal coins).</summary>
    public bool Equals(ChainFingerprint? other) =>
        other is not null && Tip == other.Tip && Height == other.Height && Coins.Count == other.Coins.Count
        && Coins.All(c => other.Coins.TryGetValue(c.Key, out var coin) && coin == c.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Tip, Height, Coins.Count);

    /// <inheritdoc />
    public override string ToString() => $"{Tip} at {Height}, {Coins.Count} coins";
}
