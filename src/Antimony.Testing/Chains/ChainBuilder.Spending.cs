using System.Collections.Immutable;
using Antimony.Consensus.Coins;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Transactions;

namespace Antimony.Testing.Chains;

public sealed partial class ChainBuilder
{
    /// <summary>
    /// The coins the builder's keys can spend in a block on <paramref name="parent"/>: coinbase outputs only once
    /// mature (the spending block's height minus the coin's is at least the network's maturity), ordered by height
    /// and outpoint so that the choice is deterministic.
    /// </summary>
    public IReadOnlyList<KeyValuePair<OutPoint, Coin>> SpendableCoins(BuiltBlock parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        int next = parent.Height + 1;
        return [.. parent.Coins
            .Where(c => Keys.Owns(c.Value.Output.ScriptPubKey) && (!c.Value.IsCoinbase || next - c.Value.Height >= Parameters.CoinbaseMaturity))
            .OrderBy(c => c.Value.Height).ThenBy(c => c.Key.Txid.ToString(), StringComparer.Ordinal).ThenBy(c => c.Key.Index)];
    }

    /// <summary>
    /// A signed P2TR key-path spend of one coin into <paramref name="outputs"/> equal outputs to the builder's keys,
    /// paying <see cref="SpendFee"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The coin is not the builder's or too small to split after the fee.</exception>
    public Transaction Spend(OutPoint outPoint, Coin coin, int outputs = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputs);
        if (!Keys.Owns(coin.Output.ScriptPubKey))
            throw new ArgumentException("The builder's keys do not own this coin.", nameof(coin));
        long total = coin.Output.Value.Atoms - SpendFee.Atoms;
        if (total < outputs)
            throw new ArgumentException($"The coin ({coin.Output.Value}) cannot pay the fee and {outputs} outputs.", nameof(coin));
        var builder = new TransactionBuilder().AddInput(outPoint);
        foreach (var output in Split(new Money(total), outputs, (int)outPoint.Index))
            builder.AddOutput(output);
        return Keys.Sign(builder.Build(), [coin.Output]);
    }

    /// <summary>
    /// <paramref name="count"/> independent spends (one input, <paramref name="outputs"/> outputs each) of distinct
    /// coins spendable on <paramref name="parent"/>, ready to go into one block on it.
    /// </summary>
    /// <exception cref="InvalidOperationException">Fewer than <paramref name="count"/> coins are spendable.</exception>
    public IReadOnlyList<Transaction> Spends(BuiltBlock parent, int count, int outputs = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var coins = SpendableCoins(parent);
        if (coins.Count < count)
            throw new InvalidOperationException($"Only {coins.Count} coins are spendable on {parent}; {count} requested.");
        var spends = new Transaction[count];
        for (int i = 0; i < count; i++)
            spends[i] = Spend(coins[i].Key, coins[i].Value, outputs);
        return spends;
    }

    /// <summary>A block on <paramref name="parent"/> whose header commits to a wrong merkle root (<c>bad-txnmrklroot</c>).</summary>
    public Block MakeBlockWithBadMerkleRoot(BuiltBlock? parent = null, IReadOnlyList<Transaction>? transactions = null)
    {
        parent ??= Tip;
        return MakeBlock(parent, transactions ?? [], editHeader: header =>
        {
            var root = header.MerkleRoot.ToArray();
            root[0] ^= 1;
            return header with { MerkleRoot = new Primitives.Hashing.Hash256(root) };
        });
    }

    /// <summary>
    /// A block on <paramref name="parent"/> whose coinbase claims <paramref name="excess"/> (default one atom) more than
    /// subsidy plus fees (<c>bad-cb-amount</c>).
    /// </summary>
    public Block MakeBlockWithOverpayingCoinbase(BuiltBlock? parent = null, IReadOnlyList<Transaction>? transactions = null, Money? excess = null)
    {
        parent ??= Tip;
        transactions ??= [];
        var claimed = Parameters.GetBlockSubsidy(parent.Height + 1) + Fees(parent, transactions) + (excess ?? Money.Atom);
        return MakeBlock(parent, transactions, claimed);
    }

    /// <summary>
    /// A block on <paramref name="parent"/> holding two different signed transactions that spend the same coin (the
    /// first spendable one), which consensus rejects as a missing or spent input.
    /// </summary>
    /// <exception cref="InvalidOperationException">No coin is spendable on <paramref name="parent"/>.</exception>
    public Block MakeBlockWithDoubleSpend(BuiltBlock? parent = null)
    {
        parent ??= Tip;
        var coins = SpendableCoins(parent);
        if (coins.Count == 0)
            throw new InvalidOperationException($"No coin is spendable on {parent}; add {Parameters.CoinbaseMaturity} blocks first.");
        var (outPoint, coin) = coins[0];
        return MakeBlock(parent, [Spend(outPoint, coin, 1), Spend(outPoint, coin, 2)]);
    }
}
