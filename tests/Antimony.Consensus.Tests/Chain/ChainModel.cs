using System.Collections.Immutable;
using Antimony.Consensus.Coins;
using Antimony.Consensus.OutputTypes;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Tests.Chain;

/// <summary>The model's view of one submitted block: its branch, validity and the UTXO set after it (if valid).</summary>
internal sealed record ModelBlock(Block Block, ModelBlock? Parent, int Height, bool Valid, int Order, ImmutableDictionary<OutPoint, Coin> Utxo)
{
    public BlockHash Hash => Block.Hash;

    /// <summary>The UTXO set after applying <paramref name="block"/> naively to <paramref name="utxo"/>.</summary>
    public static ImmutableDictionary<OutPoint, Coin> Apply(ImmutableDictionary<OutPoint, Coin> utxo, Block block, int height)
    {
        var data = new DataOutputVerifier();
        var builder = utxo.ToBuilder();
        foreach (var tx in block.Transactions)
        {
            if (!tx.IsCoinbase)
            {
                foreach (var input in tx.Inputs)
                {
                    if (!builder.Remove(input.PreviousOutput))
                        throw new InvalidOperationException($"Model: {input.PreviousOutput} is not unspent.");
                }
            }
            for (int i = 0; i < tx.Outputs.Length; i++)
            {
                if (!data.Matches(tx.Outputs[i].ScriptPubKey.Span))
                    builder.Add(new OutPoint(tx.Txid, (uint)i), new Coin(tx.Outputs[i], height, tx.IsCoinbase));
            }
        }
        return builder.ToImmutable();
    }
}

/// <summary>One step of the model-based test.</summary>
internal abstract record ChainCommand;

/// <summary>Mine a valid block on the <c>Pick</c>-th valid tip, spending up to <c>Spends</c> mature coins.</summary>
internal sealed record MineCommand(int Pick, int Spends) : ChainCommand
{
    public override string ToString() => $"Mine(tip {Pick}, {Spends} spends)";
}

/// <summary>Mine an invalid block on the <c>Pick</c>-th valid tip, broken the <c>Kind</c>-th way.</summary>
internal sealed record MineInvalidCommand(int Pick, int Kind) : ChainCommand
{
    public override string ToString() => $"MineInvalid(tip {Pick}, kind {Kind})";
}

/// <summary>Reopen a second chain state over the same stores; it must resume at the same tip with the same tree.</summary>
internal sealed record RestartCommand : ChainCommand
{
    public override string ToString() => "Restart";
}

/// <summary>Extend the <c>Pick</c>-th valid tip until it has more work than the active chain (a reorg).</summary>
internal sealed record OvertakeCommand(int Pick) : ChainCommand
{
    public override string ToString() => $"Overtake(tip {Pick})";
}
