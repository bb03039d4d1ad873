using System.Collections.Immutable;
using Antimony.Consensus.Coins;
using Antimony.Consensus.OutputTypes;
using Antimony.Consensus.Parameters;
using Antimony.Consensus.Validation;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Signing;
using Antimony.Primitives.Transactions;
using System.Runtime.InteropServices;

namespace Antimony.Consensus.Rules;

/// <summary>
/// The registered rules of every kind, run in registration order with the first rejection winning.
/// The chain state uses it for blocks; the mempool uses the transaction methods for loose transactions.
/// </summary>
public sealed class ConsensusRuleSet
{
    private readonly IHeaderRule[] _headerRules;
    private readonly IBlockRule[] _blockRules;
    private readonly ITransactionRule[] _transactionRules;
    private readonly IInputRule[] _inputRules;
    private readonly IBlockConnectRule[] _connectRules;
    private readonly ISignatureVerifier _signatures;

    /// <summary>Collects the rules (normally from the container).</summary>
    public ConsensusRuleSet(
        ChainParameters parameters,
        OutputTypeRegistry outputTypes,
        ISignatureVerifier signatureVerifier,
        IEnumerable<IHeaderRule> headerRules,
        IEnumerable<IBlockRule> blockRules,
        IEnumerable<ITransactionRule> transactionRules,
        IEnumerable<IInputRule> inputRules,
        IEnumerable<IBlockConnectRule> connectRules)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(outputTypes);
        ArgumentNullException.ThrowIfNull(signatureVerifier);
        _signatures = signatureVerifier;
        Parameters = parameters;
        OutputTypes = outputTypes;
        _headerRules = [.. headerRules];
        _blockRules = [.. blockRules];
        _transactionRules = [.. transactionRules];
        _inputRules = [.. inputRules];
        _connectRules = [.. connectRules];
    }

    /// <summary>The network the rules run for.</summary>
    public ChainParameters Parameters { get; }

    /// <summary>The registered output types.</summary>
    public OutputTypeRegistry OutputTypes { get; }

    /// <summary>Runs the header rules.</summary>
    public ValidationResult CheckHeader(in HeaderContext context)
    {
        foreach (var rule in _headerRules)
        {
            var result = rule.Check(context);
            if (!result.IsValid)
                return result;
        }
        return ValidationResult.Valid;
    }

    /// <summary>Runs the block rules, then the context-free transaction rules on each transaction.</summary>
    public ValidationResult CheckBlock(in BlockContext context)
    {
        foreach (var rule in _blockRules)
        {
            var result = rule.Check(context);
            if (!result.IsValid)
                return result;
        }
        foreach (var transaction in context.Block.Transactions)
        {
            var result = CheckTransaction(transaction);
            if (!result.IsValid)
                return result;
        }
        return ValidationResult.Valid;
    }

    /// <summary>Runs the context-free transaction rules.</summary>
    public ValidationResult CheckTransaction(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var context = new TransactionContext(transaction, Parameters);
        foreach (var rule in _transactionRules)
        {
            var result = rule.Check(context);
            if (!result.IsValid)
                return result;
        }
        return ValidationResult.Valid;
    }

    /// <summary>
    /// Resolves a non-coinbase transaction's inputs in <paramref name="coins"/> and runs the input rules.
    /// On success returns the spent coins and the fee; signatures are not checked (see <see cref="VerifySpends"/>).
    /// </summary>
    public ValidationResult CheckInputs(Transaction transaction, ICoinView coins, int spendHeight, out ImmutableArray<Coin> spentCoins, out Money fee)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(coins);
        spentCoins = default;
        fee = Money.Zero;
        var spent = new Coin[transaction.Inputs.Length];
        for (int i = 0; i < spent.Length; i++)
        {
            if (!coins.TryGetCoin(transaction.Inputs[i].PreviousOutput, out spent[i]))
                return ValidationResult.Reject(RejectReasons.InputsMissingOrSpent, transaction.Inputs[i].PreviousOutput.ToString());
        }
        spentCoins = ImmutableArray.Create(spent);
        var context = new InputContext(transaction, spentCoins, spendHeight, Parameters);
        foreach (var rule in _inputRules)
        {
            var result = rule.Check(context);
            if (!result.IsValid)
                return result;
        }
        long input = 0, output = 0;
        foreach (var coin in spent)
            input += coin.Output.Value.Atoms;
        foreach (var txOut in transaction.Outputs)
            output += txOut.Value.Atoms;
        fee = new Money(input - output);
        return ValidationResult.Valid;
    }

    /// <summary>Runs the post-connection block rules.</summary>
    public ValidationResult CheckConnectedBlock(in BlockConnectContext context)
    {
        foreach (var rule in _connectRules)
        {
            var result = rule.Check(context);
            if (!result.IsValid)
                return result;
        }
        return ValidationResult.Valid;
    }

    /// <summary>
    /// Prepares the authorization of every input of <paramref name="transaction"/> through the verifier of the
    /// output type each spends, appending the signature checks that remain to <paramref name="signatures"/>.
    /// </summary>
    public ValidationResult PrepareSpends(Transaction transaction, ImmutableArray<Coin> spentCoins, ICollection<SignatureCheck> signatures)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var cache = new SigHashCache(transaction, spentCoins.Select(c => c.Output).ToArray());
        for (int i = 0; i < transaction.Inputs.Length; i++)
        {
            var context = new SpendContext(cache, i);
            if (!OutputTypes.TryClassify(context.SpentOutput.ScriptPubKey.Span, out var verifier))
                return ValidationResult.Reject(RejectReasons.OutputType, $"input {i} spends an unregistered output type");
            var result = verifier.PrepareSpend(context, signatures);
            if (!result.IsValid)
                return result;
        }
        return ValidationResult.Valid;
    }

    /// <summary>Verifies prepared signature checks together (batched, across cores when the verifier does so).</summary>
    public ValidationResult VerifySignatures(ReadOnlySpan<SignatureCheck> signatures)
    {
        if (signatures.IsEmpty || _signatures.VerifyBatch(signatures, out int invalid))
            return ValidationResult.Valid;
        return ValidationResult.Reject(RejectReasons.SignatureFailed, $"signature check {invalid}");
    }

    /// <summary>Authorizes every input of one transaction: the mempool's path (a block batches all its transactions).</summary>
    public ValidationResult VerifySpends(Transaction transaction, ImmutableArray<Coin> spentCoins)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var signatures = new List<SignatureCheck>(transaction.Inputs.Length);
        var result = PrepareSpends(transaction, spentCoins, signatures);
        return result.IsValid ? VerifySignatures(CollectionsMarshal.AsSpan(signatures)) : result;
    }
}
