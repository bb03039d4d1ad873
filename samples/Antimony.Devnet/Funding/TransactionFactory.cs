using Antimony.Primitives.Amounts;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Signing;
using Antimony.Primitives.Transactions;

namespace Antimony.Devnet.Funding;

/// <summary>
/// Builds and signs the tool's transactions (P2TR key path through <see cref="InputSigner"/>): fan-outs that split one
/// coin into many, and 1-in-1-out spends. Fees are paid at <see cref="FeeRatePerVirtualByte"/>, comfortably above the
/// default minimum relay fee of 1 atom/vB.
/// </summary>
internal sealed class TransactionFactory(DevnetKey key)
{
    /// <summary>The fee rate paid, in atoms per virtual byte.</summary>
    public const long FeeRatePerVirtualByte = 3;

    // A key-path witness: item count, length byte and a 64-byte signature, a quarter weight each.
    private const int KeyPathWitnessVirtualBytes = 17;

    /// <summary>
    /// Splits <paramref name="coin"/> into <paramref name="outputs"/> equal outputs to the tool's key; returns the
    /// signed transaction and the new coins.
    /// </summary>
    /// <exception cref="InvalidOperationException">The coin is too small for that many outputs above dust.</exception>
    public (Transaction Transaction, IReadOnlyList<Coin> Coins) FanOut(Coin coin, int outputs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(outputs, 1);
        var builder = new TransactionBuilder().AddInput(coin.OutPoint);
        for (int i = 0; i < outputs; i++)
            builder.AddOutput(Money.Zero, key.Script);
        long fee = (builder.Build().VirtualSize + KeyPathWitnessVirtualBytes + outputs) * FeeRatePerVirtualByte;
        long each = (coin.Output.Value.Atoms - fee) / outputs;
        if (each < 10_000)
            throw new InvalidOperationException($"{coin.Output.Value} cannot be split into {outputs} outputs.");
        builder = new TransactionBuilder().AddInput(coin.OutPoint);
        for (int i = 0; i < outputs; i++)
            builder.AddOutput(new Money(each), key.Script);
        var transaction = InputSigner.SignAll(builder, [coin.Output], [key.Key]);
        var txid = transaction.Txid;
        return (transaction, [.. transaction.Outputs.Select((o, i) => new Coin(new OutPoint(txid, (uint)i), o))]);
    }

    /// <summary>Spends <paramref name="coin"/> to <paramref name="to"/> (the tool's key by default) minus the fee; returns the transaction and its output.</summary>
    public (Transaction Transaction, Coin Change) Spend(Coin coin, Script? to = null)
    {
        var script = to ?? key.Script;
        var unsigned = new TransactionBuilder().AddInput(coin.OutPoint).AddOutput(Money.Zero, script);
        long fee = (unsigned.Build().VirtualSize + KeyPathWitnessVirtualBytes + 1) * FeeRatePerVirtualByte;
        var builder = new TransactionBuilder().AddInput(coin.OutPoint).AddOutput(new Money(coin.Output.Value.Atoms - fee), script);
        var transaction = InputSigner.SignAll(builder, [coin.Output], [key.Key]);
        return (transaction, new Coin(new OutPoint(transaction.Txid, 0), transaction.Outputs[0]));
    }
}
