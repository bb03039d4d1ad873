using System.Collections.Immutable;
using Antimony.Consensus.Coins;
using Antimony.Consensus.Rules;
using Antimony.Consensus.Storage;
using Antimony.Consensus.Validation;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Signing;
using Antimony.Primitives.Transactions;
using System.Runtime.InteropServices;

namespace Antimony.Consensus.Chain;

/// <summary>
/// Turns a block into the <see cref="ChainStateBatch"/> that connects or disconnects it, without writing
/// anything: a rejected block leaves no trace. A block's signature checks are collected and verified as one batch.
/// </summary>
internal sealed class BlockConnector(ConsensusRuleSet rules)
{
    /// <summary>Validates <paramref name="block"/> against <paramref name="coins"/> and builds the batch that connects it.</summary>
    public ValidationResult Connect(Block block, ChainEntry entry, IChainStateStore coins, CancellationToken cancellationToken, out ChainStateBatch? batch)
    {
        batch = null;
        int height = entry.Height;
        var cache = new CoinCache(coins);
        var undo = ImmutableArray.CreateBuilder<Coin>();
        var signatures = new List<SignatureCheck>();
        long fees = 0;
        foreach (var transaction in block.Transactions)
        {
            bool isCoinbase = transaction.IsCoinbase;
            if (!isCoinbase)
            {
                var result = rules.CheckInputs(transaction, cache, height, out var spent, out var fee);
                if (!result.IsValid)
                    return result;
                fees += fee.Atoms;
                if (fees > Money.MaxValue.Atoms)
                    return ValidationResult.Reject(RejectReasons.AccumulatedFeeOutOfRange);
                var prepared = rules.PrepareSpends(transaction, spent, signatures);
                if (!prepared.IsValid)
                    return prepared;
                for (int i = 0; i < transaction.Inputs.Length; i++)
                {
                    cache.Spend(transaction.Inputs[i].PreviousOutput, out _);
                    undo.Add(spent[i]);
                }
            }
            var txid = transaction.Txid;
            for (int i = 0; i < transaction.Outputs.Length; i++)
            {
                var output = transaction.Outputs[i];
                if (!rules.OutputTypes.TryClassify(output.ScriptPubKey.Span, out var type) || !type.IsSpendable)
                    continue;
                var outPoint = new OutPoint(txid, (uint)i);
                if (cache.TryGetCoin(outPoint, out _))
                    return ValidationResult.Reject(RejectReasons.OverwritesUnspentCoin, outPoint.ToString());
                cache.Add(outPoint, new Coin(output, height, isCoinbase));
            }
        }

        var connected = rules.CheckConnectedBlock(new BlockConnectContext(block, height, new Money(fees), rules.Parameters));
        if (!connected.IsValid)
            return connected;
        cancellationToken.ThrowIfCancellationRequested();
        var verified = rules.VerifySignatures(CollectionsMarshal.AsSpan(signatures));
        if (!verified.IsValid)
            return verified;

        batch = new ChainStateBatch
        {
            PreviousTip = new ChainTip(entry.Previous!.Hash, entry.Previous.Height),
            NewTip = new ChainTip(entry.Hash, height),
            AddedCoins = cache.GetAdded(),
            RemovedCoins = cache.GetRemoved(),
            UndoToWrite = (entry.Hash, new BlockUndo(undo.ToImmutable())),
        };
        return ValidationResult.Valid;
    }

    /// <summary>Builds the batch that disconnects the active tip <paramref name="entry"/> using its undo data.</summary>
    /// <exception cref="InvalidOperationException">The store lacks the block's undo data or is inconsistent with it (corruption, not bad input).</exception>
    public ChainStateBatch Disconnect(Block block, ChainEntry entry, IChainStateStore coins)
    {
        if (!coins.TryGetUndo(entry.Hash, out var undo))
            throw new InvalidOperationException($"Undo data for {entry} is missing; the chain state store is corrupt.");
        var cache = new CoinCache(coins);
        int undoIndex = undo.SpentCoins.Length;
        for (int t = block.Transactions.Length - 1; t >= 0; t--)
        {
            var transaction = block.Transactions[t];
            var txid = transaction.Txid;
            for (int i = transaction.Outputs.Length - 1; i >= 0; i--)
            {
                var outPoint = new OutPoint(txid, (uint)i);
                if (rules.OutputTypes.TryClassify(transaction.Outputs[i].ScriptPubKey.Span, out var type) && type.IsSpendable
                    && !cache.Spend(outPoint, out _))
                    throw new InvalidOperationException($"Output {outPoint} of {entry} is not in the chain state; the store is corrupt.");
            }
            if (transaction.IsCoinbase)
                continue;
            for (int i = transaction.Inputs.Length - 1; i >= 0; i--)
                cache.Add(transaction.Inputs[i].PreviousOutput, undo.SpentCoins[--undoIndex]);
        }
        if (undoIndex != 0)
            throw new InvalidOperationException($"Undo data for {entry} does not match the block.");
        return new ChainStateBatch
        {
            PreviousTip = new ChainTip(entry.Hash, entry.Height),
            NewTip = new ChainTip(entry.Previous!.Hash, entry.Previous.Height),
            AddedCoins = cache.GetAdded(),
            RemovedCoins = cache.GetRemoved(),
            UndoToRemove = entry.Hash,
        };
    }
}
