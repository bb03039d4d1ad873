using Antimony.Primitives.Addresses;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Transactions;

namespace Antimony.Wallet.Hosting;

/// <summary>One <c>listtransactions</c> entry: a wallet-relevant output of a transaction, as Bitcoin Core reports it.</summary>
/// <param name="Txid">The transaction.</param>
/// <param name="Vout">The output's index.</param>
/// <param name="Category">Send, receive, generate, immature or orphan.</param>
/// <param name="Address">The output's address (null for a non-address output such as OP_RETURN).</param>
/// <param name="Label">The wallet label of the address, if any.</param>
/// <param name="Amount">The value; negative for <see cref="WalletTransactionCategory.Send"/>.</param>
/// <param name="Fee">For sends, the transaction's fee as a negative amount (Core's convention); null otherwise.</param>
/// <param name="Confirmations">Blocks since (and including) the one holding it; 0 unconfirmed, -1 abandoned or conflicted.</param>
/// <param name="BlockHash">The block holding it, when confirmed.</param>
/// <param name="BlockHeight">That block's height.</param>
/// <param name="Time">The block's time when confirmed, else when the wallet first saw it.</param>
/// <param name="Abandoned">Whether it left the mempool without confirming (conflicted, evicted or expired) or is an orphaned coinbase.</param>
public sealed record WalletTransactionRecord(Txid Txid, int Vout, WalletTransactionCategory Category, SegwitAddress? Address, string? Label,
    Money Amount, Money? Fee, int Confirmations, BlockHash? BlockHash, int? BlockHeight, DateTimeOffset Time, bool Abandoned);
