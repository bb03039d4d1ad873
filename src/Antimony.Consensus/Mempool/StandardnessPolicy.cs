using Antimony.Consensus.OutputTypes;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Mempool;

/// <summary>
/// The node's context-free relay policy, on top of consensus: standard version, weight and minimum size,
/// only the listed output types, and no dust.
/// </summary>
/// <remarks>
/// Dust follows Bitcoin Core: an output is dust when its value is below what spending it would cost at
/// <see cref="MempoolOptions.DustRelayFeeRate"/>, counting the output's own size plus 67 virtual bytes for
/// the input that spends it (Core's estimate for every witness program: 294 atoms for P2WPKH and 330 for P2TR
/// at the default 3 atom/vB). Dust outputs cost the UTXO set more than they are worth; Antimony keeps the rule
/// because it has the same UTXO economics as Bitcoin. Data outputs are exempt (their value is zero by consensus).
/// </remarks>
internal sealed class StandardnessPolicy(MempoolOptions options, OutputTypeRegistry outputTypes)
{
    // Core's GetDustThreshold for witness programs: outpoint 36 + sequence 4 + empty scriptSig length 1
    // + a 107-byte witness discounted to 26 virtual bytes.
    private const int SpendingInputVirtualSize = 32 + 4 + 1 + (107 / 4) + 4;

    /// <summary>The first policy rule <paramref name="transaction"/> breaks, or <see langword="null"/>.</summary>
    public string? Check(Transaction transaction, out string? detail)
    {
        detail = null;
        if (transaction.Version < 1 || transaction.Version > options.MaxStandardVersion)
        {
            detail = $"version {transaction.Version}";
            return MempoolRejectCodes.Version;
        }
        if (transaction.Weight > options.MaxTransactionWeight)
        {
            detail = $"weight {transaction.Weight} > {options.MaxTransactionWeight}";
            return MempoolRejectCodes.TransactionSize;
        }
        if (transaction.BaseSize < options.MinTransactionBaseSize)
        {
            detail = $"{transaction.BaseSize} bytes without witness";
            return MempoolRejectCodes.TransactionSizeSmall;
        }
        var outputs = transaction.Outputs;
        for (int i = 0; i < outputs.Length; i++)
        {
            var output = outputs[i];
            if (!outputTypes.TryClassify(output.ScriptPubKey.Span, out var type) || !options.StandardOutputTypes.Contains(type.Type))
            {
                detail = $"output {i}";
                return MempoolRejectCodes.NonStandardScript;
            }
            if (type.IsSpendable && IsDust(output))
            {
                detail = $"output {i} worth {output.Value}";
                return MempoolRejectCodes.Dust;
            }
        }
        return null;
    }

    /// <summary>The smallest standard value of <paramref name="output"/> (zero when the dust rule is off).</summary>
    public long DustThreshold(in TxOut output) =>
        options.DustRelayFeeRate.GetFee(output.SerializedSize + SpendingInputVirtualSize).Atoms;

    private bool IsDust(in TxOut output) => output.Value.Atoms < DustThreshold(output);
}
