using Antimony.Primitives.Transactions;

namespace Antimony.Devnet.Funding;

/// <summary>An output the tool can spend: where it is and what it holds (Taproot signatures commit to the amount).</summary>
/// <param name="OutPoint">The output's location.</param>
/// <param name="Output">Its value and script.</param>
internal readonly record struct Coin(OutPoint OutPoint, TxOut Output);
