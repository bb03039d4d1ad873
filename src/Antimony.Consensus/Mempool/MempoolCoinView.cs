using System.Diagnostics.CodeAnalysis;
using Antimony.Consensus.Coins;
using Antimony.Consensus.OutputTypes;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Mempool;

/// <summary>
/// The coins a loose transaction may spend: the outputs of pooled transactions layered over the chain tip's
/// UTXO set. Whether a pooled transaction already spends a coin is not its concern: conflicts are found
/// through <see cref="MempoolGraph.TryGetSpender"/> first, so a replacement sees the coins it competes for.
/// </summary>
internal sealed class MempoolCoinView(ICoinView chain, MempoolGraph graph, OutputTypeRegistry outputTypes, int spendHeight) : ICoinView
{
    /// <inheritdoc />
    public bool TryGetCoin(in OutPoint outPoint, [MaybeNullWhen(false)] out Coin coin)
    {
        if (graph.TryGet(outPoint.Txid, out var parent))
        {
            var outputs = parent.Transaction.Outputs;
            if (outPoint.Index < (uint)outputs.Length
                && outputs[(int)outPoint.Index] is var output
                && outputTypes.TryClassify(output.ScriptPubKey.Span, out var type) && type.IsSpendable)
            {
                // A pooled output counts as created in the next block; pooled transactions are never coinbases.
                coin = new Coin(output, spendHeight, IsCoinbase: false);
                return true;
            }
            coin = default;
            return false;
        }
        return chain.TryGetCoin(outPoint, out coin);
    }
}
