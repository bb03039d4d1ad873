using System.Diagnostics.CodeAnalysis;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Coins;

/// <summary>Read access to a set of unspent outputs (the chain state's, or a layer above it).</summary>
public interface ICoinView
{
    /// <summary>The unspent coin at <paramref name="outPoint"/>, if there is one.</summary>
    bool TryGetCoin(in OutPoint outPoint, [MaybeNullWhen(false)] out Coin coin);
}
