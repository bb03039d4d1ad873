using Antimony.Primitives.Serialization;

namespace Antimony.Wallet.Coins;

/// <summary>
/// Exact BIP141 weights of transactions that spend P2TR outputs by key path with SIGHASH_DEFAULT
/// (a 64-byte signature, BIP341), so the fee is known before signing.
/// </summary>
public static class TaprootWeights
{
    /// <summary>Outpoint 36 + empty scriptSig length 1 + sequence 4, each non-witness byte weighing 4.</summary>
    public const int InputBaseWeight = (36 + 1 + 4) * 4;

    /// <summary>Witness stack: item count 1 + signature length 1 + 64-byte signature.</summary>
    public const int InputWitnessWeight = 1 + 1 + 64;

    /// <summary>One key-path input: 230 weight units (57.5 vB).</summary>
    public const int InputWeight = InputBaseWeight + InputWitnessWeight;

    /// <summary>A P2TR output: value 8 + script length 1 + 34-byte script = 43 bytes, 172 weight units.</summary>
    public const int P2trOutputWeight = (8 + 1 + 34) * 4;

    /// <summary>The weight of an output with a <paramref name="scriptLength"/>-byte script.</summary>
    public static int OutputWeight(int scriptLength) => (8 + CompactSize.SizeOf((ulong)scriptLength) + scriptLength) * 4;

    /// <summary>
    /// A segwit transaction with <paramref name="inputs"/> key-path inputs and <paramref name="outputs"/> outputs of
    /// <paramref name="outputsWeight"/> in total: version, locktime, the two counts, the marker and flag.
    /// </summary>
    public static int TransactionWeight(int inputs, int outputs, int outputsWeight) =>
        (4 + CompactSize.SizeOf((ulong)inputs) + CompactSize.SizeOf((ulong)outputs) + 4) * 4 + 2
        + inputs * InputWeight + outputsWeight;

    /// <summary>Virtual size: weight / 4 rounded up (BIP141).</summary>
    public static int VirtualSize(int weight) => (weight + 3) / 4;
}
