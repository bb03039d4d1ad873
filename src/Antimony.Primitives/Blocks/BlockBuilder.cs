using System.Collections.Immutable;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Numerics;
using Antimony.Primitives.Transactions;

namespace Antimony.Primitives.Blocks;

/// <summary>
/// Assembles a <see cref="Block"/>: set the header fields, add the coinbase and the other transactions, and
/// <see cref="Build"/> fills in the merkle root (and, if asked, the coinbase's BIP141 witness commitment).
/// </summary>
/// <example>
/// <code>
/// var block = new BlockBuilder { PreviousBlock = tip, Time = now, Bits = bits }
///     .AddTransaction(coinbase)
///     .AddTransactions(selected)
///     .CommitWitnesses()
///     .Build();
/// </code>
/// </example>
public sealed class BlockBuilder
{
    private readonly List<Transaction> _transactions = [];
    private Hash256? _reservedValue;

    /// <summary>The header's version field; 1 by default.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The id of the block this one builds on.</summary>
    public BlockHash PreviousBlock { get; set; }

    /// <summary>The block time in Unix seconds.</summary>
    public uint Time { get; set; }

    /// <summary>The compact target ("nBits").</summary>
    public CompactTarget Bits { get; set; }

    /// <summary>The nonce (a miner varies it after building).</summary>
    public uint Nonce { get; set; }

    /// <summary>The transactions added so far, coinbase first.</summary>
    public IReadOnlyList<Transaction> Transactions => _transactions;

    /// <summary>Appends a transaction (the first one added is the coinbase).</summary>
    public BlockBuilder AddTransaction(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        _transactions.Add(transaction);
        return this;
    }

    /// <summary>Appends transactions in order.</summary>
    public BlockBuilder AddTransactions(IEnumerable<Transaction> transactions)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        foreach (var transaction in transactions)
            AddTransaction(transaction);
        return this;
    }

    /// <summary>
    /// Makes <see cref="Build"/> rewrite the coinbase to carry the BIP141 witness commitment: any earlier
    /// commitment output is dropped, a new one appended, and the coinbase's witness set to the reserved value.
    /// The coinbase's txid changes, which is why this happens before the merkle root is computed.
    /// </summary>
    public BlockBuilder CommitWitnesses(Hash256 reservedValue = default)
    {
        _reservedValue = reservedValue;
        return this;
    }

    /// <summary>The block: the header with the merkle root of the transactions (after any witness commitment).</summary>
    /// <exception cref="InvalidOperationException">A witness commitment was asked for but the first transaction is not a coinbase.</exception>
    public Block Build()
    {
        var transactions = ImmutableArray.CreateRange(_transactions);
        if (_reservedValue is { } reservedValue)
            transactions = transactions.SetItem(0, WithCommitment(transactions, reservedValue));
        // A draft block computes the root with the batched txid hashing (and caches the txids).
        var header = new BlockHeader(Version, PreviousBlock, Hash256.Zero, Time, Bits, Nonce);
        var root = new Block(header, transactions).ComputeMerkleRoot(out _);
        return new Block(header with { MerkleRoot = root }, transactions);
    }

    private static Transaction WithCommitment(ImmutableArray<Transaction> transactions, Hash256 reservedValue)
    {
        if (transactions.IsEmpty || !transactions[0].IsCoinbase)
            throw new InvalidOperationException("A witness commitment goes in the coinbase, which must be the first transaction.");
        // The coinbase's wtxid counts as zero, so the witness root does not depend on the coinbase being rewritten.
        var draft = new Block(default, transactions);
        var commitment = WitnessCommitment.Compute(draft.ComputeWitnessMerkleRoot(), reservedValue);

        var coinbase = transactions[0];
        var builder = new TransactionBuilder { Version = coinbase.Version, LockTime = coinbase.LockTime };
        builder.AddInput(coinbase.Inputs[0] with { Witness = new Witness(reservedValue.ToArray()) });
        foreach (var output in coinbase.Outputs)
        {
            if (!WitnessCommitment.IsCommitmentScript(output.ScriptPubKey.Span))
                builder.AddOutput(output);
        }
        builder.AddOutput(commitment.ToOutput());
        return builder.Build();
    }
}
