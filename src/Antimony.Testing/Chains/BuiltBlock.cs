using System.Collections.Immutable;
using Antimony.Consensus.Coins;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Transactions;

namespace Antimony.Testing.Chains;

/// <summary>
/// A block a <see cref="ChainBuilder"/> made, linked to its parent, with the UTXO set its branch has after it, so
/// that further blocks and spends can be built on any block, not only on a single tip (that is what makes forks cheap).
/// </summary>
public sealed class BuiltBlock
{
    internal BuiltBlock(Block block, BuiltBlock? parent, ImmutableDictionary<OutPoint, Coin> coins)
    {
        Block = block;
        Parent = parent;
        Height = parent is null ? 0 : parent.Height + 1;
        Coins = coins;
    }

    /// <summary>The block.</summary>
    public Block Block { get; }

    /// <summary>The block's id.</summary>
    public BlockHash Hash => Block.Hash;

    /// <summary>The block's header.</summary>
    public BlockHeader Header => Block.Header;

    /// <summary>The block this one builds on; <see langword="null"/> for genesis.</summary>
    public BuiltBlock? Parent { get; }

    /// <summary>The height (genesis is 0).</summary>
    public int Height { get; }

    /// <summary>Every spendable output on this block's branch after connecting it (data outputs excluded).</summary>
    public ImmutableDictionary<OutPoint, Coin> Coins { get; }

    /// <summary>The ancestor at <paramref name="height"/> (this block at its own height).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="height"/> is negative or above this block's.</exception>
    public BuiltBlock GetAncestor(int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, Height);
        var block = this;
        while (block.Height > height)
            block = block.Parent!;
        return block;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Hash} at {Height} ({Block.Transactions.Length} transactions)";
}
