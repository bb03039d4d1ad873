using System.Collections.Immutable;
using Antimony.Consensus.Coins;
using Antimony.Consensus.OutputTypes;
using Antimony.Consensus.Parameters;
using Antimony.Consensus.Validation;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Transactions;

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

    /// <summary>Collects the rules (normally from the container).</summary>
    public ConsensusRuleSet(
        ChainParameters parameters,
        OutputTypeRegistry outputTypes,
        IEnumerable<IHeaderRule> headerRules,
        IEnumerable<IBlockRule> blockRules,
        IEnumerable<ITransactionRule> transactionRules,
        IEnumerable<IInputRule> inputRules,
        IEnumerable<IBlockConnectRule> connectRules)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(outputTypes);
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

    /// <summary>Authorizes one input through the verifier of the output type it spends.</summary>
    public ValidationResult VerifySpend(in SpendContext context)
    {
        if (!OutputTypes.TryClassify(context.SpentOutput.ScriptPubKey.Span, out var verifier))
            return ValidationResult.Reject(RejectReasons.OutputType, $"input {context.InputIndex} spends an unregistered output type");
        return verifier.VerifySpend(context);
    }

    /// <summary>Authorizes every input of one transaction in turn (the mempool's path; blocks verify in parallel).</summary>
    public ValidationResult VerifySpends(Transaction transaction, ImmutableArray<Coin> spentCoins)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var outputs = spentCoins.Select(c => c.Output).ToImmutableArray();
        for (int i = 0; i < transaction.Inputs.Length; i++)
        {
            var result = VerifySpend(new SpendContext(transaction, i, outputs));
            if (!result.IsValid)
                return result;
        }
        return ValidationResult.Valid;
    }
}
