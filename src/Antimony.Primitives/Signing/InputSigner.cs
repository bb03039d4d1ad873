using Antimony.Primitives.Keys;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;

namespace Antimony.Primitives.Signing;

/// <summary>
/// The wallet's signing entry point: signs an input according to the type of the output it spends (P2TR key
/// path with SIGHASH_DEFAULT, or P2WPKH with SIGHASH_ALL). For other hash types or a Taproot script tree use
/// <see cref="TaprootKeySpend"/> and <see cref="P2wpkhSpend"/> directly.
/// </summary>
/// <example>
/// <code>
/// var unsigned = new TransactionBuilder().AddInput(coin.OutPoint).AddOutput(amount, recipient);
/// Transaction signed = InputSigner.SignAll(unsigned, [coin.Output], [key]);
/// </code>
/// </example>
public static class InputSigner
{
    /// <summary>
    /// Signs input <paramref name="inputIndex"/> of the cached transaction with <paramref name="key"/>: for a P2TR
    /// output the key is the internal key of an output without script tree; for P2WPKH it is the output's key.
    /// </summary>
    public static bool TrySign(SigHashCache cache, int inputIndex, PrivateKey key, out Witness witness, out SpendError error)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(key);
        witness = Witness.Empty;
        if ((uint)inputIndex >= (uint)cache.Transaction.Inputs.Length)
        {
            error = SpendError.InputIndexOutOfRange;
            return false;
        }
        switch (ScriptPubKey.Classify(cache.SpentOutputs[inputIndex].ScriptPubKey.Span))
        {
            case OutputType.P2tr:
                return TaprootKeySpend.TrySign(cache, inputIndex, key, out witness, out error);
            case OutputType.P2wpkh:
                return P2wpkhSpend.TrySign(cache, inputIndex, key, out witness, out error);
            default:
                error = SpendError.UnsupportedOutputType;
                return false;
        }
    }

    /// <summary>
    /// The witness for one input of <paramref name="transaction"/>. Builds a <see cref="SigHashCache"/> each call
    /// (O(n)); to sign several inputs, use <see cref="SignAll"/> or one cache with <see cref="TrySign"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The number of spent outputs differs from the number of inputs.</exception>
    /// <exception cref="SpendException">The input cannot be signed with this key.</exception>
    public static Witness Sign(Transaction transaction, int inputIndex, IReadOnlyList<TxOut> spentOutputs, PrivateKey key)
    {
        var cache = new SigHashCache(transaction, spentOutputs);
        return TrySign(cache, inputIndex, key, out var witness, out var error) ? witness : throw new SpendException(error, inputIndex);
    }

    /// <summary>
    /// Signs every input of <paramref name="builder"/>'s transaction, input i with <paramref name="keys"/>[i],
    /// sets the witnesses on the builder and returns the signed transaction. Hashing costs O(n) in total.
    /// </summary>
    /// <exception cref="ArgumentException">The spent outputs or keys are not one per input.</exception>
    /// <exception cref="SpendException">An input cannot be signed with its key; the builder is then left unchanged.</exception>
    public static Transaction SignAll(TransactionBuilder builder, IReadOnlyList<TxOut> spentOutputs, IReadOnlyList<PrivateKey> keys)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(keys);
        var cache = new SigHashCache(builder.Build(), spentOutputs);
        if (keys.Count != cache.Transaction.Inputs.Length)
            throw new ArgumentException($"The transaction has {cache.Transaction.Inputs.Length} inputs but {keys.Count} keys were given.", nameof(keys));
        var witnesses = new Witness[keys.Count];
        for (int i = 0; i < witnesses.Length; i++)
        {
            if (!TrySign(cache, i, keys[i], out witnesses[i], out var error))
                throw new SpendException(error, i);
        }
        for (int i = 0; i < witnesses.Length; i++)
            builder.SetWitness(i, witnesses[i]);
        return builder.Build();
    }
}
