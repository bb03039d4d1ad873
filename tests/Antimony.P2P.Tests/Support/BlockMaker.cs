using Antimony.Primitives.Hashing;
using System.Collections.Immutable;
using Antimony.Consensus.Chain;
using Antimony.Consensus.Coinbase;
using Antimony.Consensus.Difficulty;
using Antimony.Consensus.Parameters;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Numerics;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;

namespace Antimony.P2P.Tests.Support;

/// <summary>
/// Builds valid blocks quickly (regtest-like targets): BIP34 coinbase paying subsidy plus fees, BIP141
/// commitment when any transaction has a witness, required bits, a time 12 s after the parent, and a nonce
/// that meets the target. Hooks let a test break exactly one thing.
/// </summary>
internal sealed class BlockMaker(ChainParameters parameters, IDifficultyAlgorithm difficulty, TestWallet wallet)
{
    private static readonly byte[] ReservedValue = new byte[32];
    private int _extraNonce;

    public ChainParameters Parameters => parameters;

    /// <summary>Builds a block on <paramref name="parent"/>.</summary>
    public Block Make(
        ChainEntry parent,
        IReadOnlyList<Transaction>? transactions = null,
        Money fees = default,
        Money? coinbaseValue = null,
        uint? time = null,
        CompactTarget? bits = null,
        int version = 0x20000000,
        Func<TransactionBuilder, TransactionBuilder>? editCoinbase = null,
        bool mine = true)
    {
        transactions ??= [];
        int height = parent.Height + 1;
        var coinbase = MakeCoinbase(height, coinbaseValue ?? parameters.GetBlockSubsidy(height) + fees, transactions.Any(t => t.HasWitness), editCoinbase);
        var all = transactions.Prepend(coinbase).ToImmutableArray();
        if (transactions.Any(t => t.HasWitness) && editCoinbase is null)
        {
            var draft = new Block(new BlockHeader(), all);
            var commitment = WitnessCommitment.Compute(draft, new Hash256(ReservedValue));
            coinbase = coinbase.ToBuilder().AddOutput(Money.Zero, commitment.ToScript()).Build();
            all = all.SetItem(0, coinbase);
        }
        return Assemble(parent, all, time, bits, version, mine);
    }

    /// <summary>Builds a header over exactly <paramref name="transactions"/> and mines it.</summary>
    public Block Assemble(ChainEntry parent, ImmutableArray<Transaction> transactions, uint? time = null, CompactTarget? bits = null, int version = 0x20000000, bool mine = true)
    {
        var draft = new Block(new BlockHeader(), transactions);
        var header = new BlockHeader(version, parent.Hash, draft.ComputeMerkleRoot(out _),
            time ?? parent.Header.Time + (uint)parameters.TargetSpacing.TotalSeconds, bits ?? difficulty.GetNextBits(parent), 0);
        return new Block(mine ? Mine(header) : header, transactions);
    }

    /// <summary>The first nonce (from the header's) whose hash meets the header's target.</summary>
    public static BlockHeader Mine(BlockHeader header)
    {
        var target = header.Bits.ToTarget();
        for (uint nonce = header.Nonce; ; nonce++)
        {
            var candidate = header with { Nonce = nonce };
            if (CompactTarget.IsMet(candidate.Hash, target))
                return candidate;
        }
    }

    /// <summary>A header whose hash misses its target (for high-hash tests).</summary>
    public static BlockHeader Unmine(BlockHeader header)
    {
        var target = header.Bits.ToTarget();
        for (uint nonce = header.Nonce + 1; ; nonce++)
        {
            var candidate = header with { Nonce = nonce };
            if (!CompactTarget.IsMet(candidate.Hash, target))
                return candidate;
        }
    }

    private Transaction MakeCoinbase(int height, Money value, bool withWitness, Func<TransactionBuilder, TransactionBuilder>? edit)
    {
        var prefix = CoinbaseHeight.Encode(height);
        int extra = Interlocked.Increment(ref _extraNonce);
        byte[] scriptSig = [.. prefix, 0x04, (byte)extra, (byte)(extra >> 8), (byte)(extra >> 16), (byte)(extra >> 24)];
        var builder = new TransactionBuilder()
            .AddInput(new TxIn(OutPoint.Null, new Script(scriptSig), TxIn.SequenceFinal, withWitness ? new Witness(ReservedValue) : Witness.Empty))
            .AddOutput(value, wallet.Default);
        return (edit?.Invoke(builder) ?? builder).Build();
    }
}
