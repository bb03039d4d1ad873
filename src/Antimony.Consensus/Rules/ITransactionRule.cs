using Antimony.Consensus.Validation;

namespace Antimony.Consensus.Rules;

/// <summary>A context-free rule on one transaction (shapes, amounts, output types), shared by blocks and the mempool.</summary>
public interface ITransactionRule
{
    /// <summary>Checks <paramref name="context"/>'s transaction.</summary>
    ValidationResult Check(in TransactionContext context);
}
