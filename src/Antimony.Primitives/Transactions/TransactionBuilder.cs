using System.Collections.Immutable;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Scripts;

namespace Antimony.Primitives.Transactions;

/// <summary>
/// Assembles a <see cref="Transaction"/> step by step: add inputs and outputs, then attach witnesses once
/// the signature hashes (which cover the finished inputs and outputs) have been signed.
/// </summary>
/// <example>
/// <code>
/// var tx = new TransactionBuilder()
///     .AddInput(new OutPoint(fundingTxid, 0))
///     .AddOutput(Money.FromCoins(49), recipientScript)
///     .Build();
/// </code>
/// </example>
public sealed class TransactionBuilder
{
    private readonly List<TxIn> _inputs = [];
    private readonly List<TxOut> _outputs = [];

    /// <summary>Starts an empty version-2 transaction with lock time 0.</summary>
    public TransactionBuilder()
    {
    }

    /// <summary>Starts from the parts of an existing transaction.</summary>
    public TransactionBuilder(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        Version = transaction.Version;
        LockTime = transaction.LockTime;
        _inputs.AddRange(transaction.Inputs);
        _outputs.AddRange(transaction.Outputs);
    }

    /// <summary>The version field; 2 by default.</summary>
    public int Version { get; set; } = 2;

    /// <summary>The lock time; 0 by default.</summary>
    public uint LockTime { get; set; }

    /// <summary>The inputs added so far.</summary>
    public IReadOnlyList<TxIn> Inputs => _inputs;

    /// <summary>The outputs added so far.</summary>
    public IReadOnlyList<TxOut> Outputs => _outputs;

    /// <summary>Adds an input spending <paramref name="previousOutput"/>.</summary>
    public TransactionBuilder AddInput(OutPoint previousOutput, uint sequence = TxIn.SequenceFinal) =>
        AddInput(new TxIn(previousOutput, Script.Empty, sequence, Witness.Empty));

    /// <summary>Adds a fully specified input.</summary>
    public TransactionBuilder AddInput(TxIn input)
    {
        _inputs.Add(input);
        return this;
    }

    /// <summary>Adds an output paying <paramref name="value"/> to <paramref name="scriptPubKey"/>.</summary>
    public TransactionBuilder AddOutput(Money value, Script scriptPubKey) => AddOutput(new TxOut(value, scriptPubKey));

    /// <summary>Adds an output.</summary>
    public TransactionBuilder AddOutput(TxOut output)
    {
        _outputs.Add(output);
        return this;
    }

    /// <summary>Replaces the witness of input <paramref name="inputIndex"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such input.</exception>
    public TransactionBuilder SetWitness(int inputIndex, Witness witness)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(inputIndex, _inputs.Count);
        _inputs[inputIndex] = _inputs[inputIndex] with { Witness = witness };
        return this;
    }

    /// <summary>Replaces the input script of input <paramref name="inputIndex"/> (only a coinbase has one).</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such input.</exception>
    public TransactionBuilder SetScriptSig(int inputIndex, Script scriptSig)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(inputIndex, _inputs.Count);
        _inputs[inputIndex] = _inputs[inputIndex] with { ScriptSig = scriptSig };
        return this;
    }

    /// <summary>The immutable transaction built from the current parts; the builder can go on being used.</summary>
    public Transaction Build() => new(Version, [.. _inputs], [.. _outputs], LockTime);
}
