using Antimony.Primitives.Amounts;
using Antimony.Primitives.Transactions;
using Antimony.Wallet.Coins;

namespace Antimony.Wallet.Transactions;

/// <summary>A signed wallet transaction and what it spends: ready for <c>TransactionPool.Accept</c> or <c>sendrawtransaction</c>.</summary>
/// <param name="Transaction">The signed transaction.</param>
/// <param name="Spent">The coins it spends, in input order.</param>
/// <param name="Fee">The fee it pays.</param>
/// <param name="ChangeIndex">The change output's index, or -1 without change.</param>
public sealed record WalletTransaction(Transaction Transaction, IReadOnlyList<SpendableCoin> Spent, Money Fee, int ChangeIndex)
{
    /// <summary>The change output's value (zero without change).</summary>
    public Money Change => ChangeIndex < 0 ? Money.Zero : Transaction.Outputs[ChangeIndex].Value;
}
