using System.Security.Cryptography;
using Antimony.Consensus.Mempool;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Keys;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Signing;
using Antimony.Primitives.Transactions;
using Antimony.Wallet.Coins;

namespace Antimony.Wallet.Transactions;

/// <summary>
/// Builds and signs transactions that spend BIP86 P2TR coins by key path: selects coins with
/// <see cref="CoinSelector"/> at a fee rate, adds change to a given script at a random position, and signs
/// every input with BIP341's SIGHASH_DEFAULT through the primitives' <see cref="InputSigner"/>.
/// </summary>
/// <example>
/// <code>
/// var builder = new WalletTransactionBuilder(FeeRate.FromAtomsPerVirtualByte(2));
/// var signed = builder.Build(coins, [new TxOut(amount, to.ToScript())], change.ScriptPubKey.Script, keyOf);
/// pool.Accept(signed.Transaction);
/// </code>
/// </example>
public sealed class WalletTransactionBuilder
{
    /// <summary>A builder paying <paramref name="feeRate"/>; no change below <paramref name="dustThreshold"/> (default 330 atoms).</summary>
    public WalletTransactionBuilder(FeeRate feeRate, Money? dustThreshold = null) =>
        Selector = new CoinSelector(feeRate, dustThreshold);

    /// <summary>The coin selector (fee rate and dust threshold).</summary>
    public CoinSelector Selector { get; }

    /// <summary>
    /// Selects from <paramref name="available"/>, pays <paramref name="payments"/>, sends change to
    /// <paramref name="changeScript"/> and signs each input with the internal key <paramref name="keyFor"/> returns.
    /// </summary>
    /// <exception cref="CoinSelectionException">Funds are insufficient, or a payment is dust.</exception>
    /// <exception cref="SpendException">A key does not match its coin's output key.</exception>
    public WalletTransaction Build(IReadOnlyList<SpendableCoin> available, IReadOnlyList<TxOut> payments, Script changeScript,
        Func<SpendableCoin, PrivateKey> keyFor)
    {
        ArgumentNullException.ThrowIfNull(keyFor);
        var selection = Selector.Select(available, payments);
        return Sign(selection, payments, changeScript, keyFor);
    }

    /// <summary>Builds and signs the transaction of an existing <paramref name="selection"/>.</summary>
    /// <exception cref="SpendException">A key does not match its coin's output key.</exception>
    /// <exception cref="ArgumentException">The selection has change and <paramref name="changeScript"/> is not P2TR.</exception>
    public static WalletTransaction Sign(CoinSelection selection, IReadOnlyList<TxOut> payments, Script changeScript, Func<SpendableCoin, PrivateKey> keyFor)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(payments);
        ArgumentNullException.ThrowIfNull(keyFor);
        if (selection.HasChange && ScriptPubKey.Classify(changeScript.Span) != OutputType.P2tr)
            throw new ArgumentException("The change script must be P2TR: the fee was computed for a P2TR change output.", nameof(changeScript));
        var outputs = new List<TxOut>(payments);
        int changeIndex = -1;
        if (selection.HasChange)
        {
            // A random position keeps observers from telling change from payment by its place.
            changeIndex = RandomNumberGenerator.GetInt32(outputs.Count + 1);
            outputs.Insert(changeIndex, new TxOut(selection.Change, changeScript));
        }
        var builder = new TransactionBuilder();
        foreach (var coin in selection.Inputs)
            builder.AddInput(coin.OutPoint, TxIn.SequenceFinal - 2); // BIP125-style signal: the wallet may bump the fee.
        foreach (var output in outputs)
            builder.AddOutput(output);
        var signed = InputSigner.SignAll(builder, [.. selection.Inputs.Select(c => c.Output)], [.. selection.Inputs.Select(keyFor)]);
        return new WalletTransaction(signed, selection.Inputs, selection.Fee, changeIndex);
    }
}
