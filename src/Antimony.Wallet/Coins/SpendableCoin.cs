using Antimony.Primitives.Transactions;

namespace Antimony.Wallet.Coins;

/// <summary>An output the wallet can spend with a taproot key-path signature: where it is and what it holds.</summary>
/// <param name="OutPoint">The output's location.</param>
/// <param name="Output">The output (value and P2TR script).</param>
public readonly record struct SpendableCoin(OutPoint OutPoint, TxOut Output);
