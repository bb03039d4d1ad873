using System.Collections.Immutable;
using Antimony.Consensus.Difficulty;
using Antimony.Consensus.Mempool;
using Antimony.Consensus.Parameters;
using Antimony.Mining.Hosting;
using Antimony.Mining.Templates;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;
using Microsoft.Extensions.Options;

namespace Antimony.Mining.Tests.Support;

/// <summary>Assemblers and transaction choices for template tests that need no real mempool.</summary>
internal static class TestTemplates
{
    public static BlockAssembler Assembler(
        ChainParameters parameters, IDifficultyAlgorithm difficulty, ITransactionSelector selector, string address,
        TimeProvider? time = null, Action<MiningOptions>? edit = null)
    {
        var options = new MiningOptions { Address = address };
        edit?.Invoke(options);
        return new BlockAssembler(parameters, difficulty, selector, Options.Create(options), time ?? TimeProvider.System);
    }

    /// <summary>Structurally plausible transactions (distinct txids, not spendable on any chain), for merkle and coinbase tests.</summary>
    public static ImmutableArray<Transaction> Dummies(int count, Script script) =>
        [.. Enumerable.Range(0, count).Select(i => new TransactionBuilder()
            .AddInput(new OutPoint(new Txid(Sha256d.Hash([(byte)i, (byte)(i >> 8)])), 0))
            .AddOutput(Money.Coin, script)
            .Build())];

    public static ITransactionSelector Selecting(ImmutableArray<Transaction> transactions, long feeEach = 1_000) => new FixedSelector(transactions, feeEach);

    private sealed class FixedSelector(ImmutableArray<Transaction> transactions, long feeEach) : ITransactionSelector
    {
        public PackageSelection Select(long maxWeight)
        {
            var fee = new Money(feeEach);
            var entries = transactions.Select(t => new MempoolEntryInfo(t, fee, t.VirtualSize, t.Weight, DateTimeOffset.UnixEpoch, 0, 1, t.VirtualSize, fee, 1, t.VirtualSize, fee));
            return new PackageSelection([.. entries], new Money(feeEach * transactions.Length), transactions.Sum(t => (long)t.Weight));
        }
    }
}
