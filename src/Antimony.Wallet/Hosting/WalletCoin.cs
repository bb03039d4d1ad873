using Antimony.Primitives.Addresses;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;
using Antimony.Wallet.Keys;

namespace Antimony.Wallet.Hosting;

/// <summary>An unspent output the wallet owns (one <c>listunspent</c> entry).</summary>
/// <param name="OutPoint">Where it is.</param>
/// <param name="Amount">Its value.</param>
/// <param name="Address">The wallet address it pays.</param>
/// <param name="Label">The address's label, if any.</param>
/// <param name="ScriptPubKey">The output script.</param>
/// <param name="Confirmations">Blocks since (and including) the one holding it; 0 when unconfirmed.</param>
/// <param name="IsCoinbase">Whether a coinbase created it.</param>
/// <param name="Path">The BIP86 path of its key.</param>
public sealed record WalletCoin(OutPoint OutPoint, Money Amount, SegwitAddress Address, string? Label, Script ScriptPubKey,
    int Confirmations, bool IsCoinbase, KeyPath Path);
