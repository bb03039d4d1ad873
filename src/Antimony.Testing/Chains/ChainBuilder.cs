using System.Collections.Immutable;
using Antimony.Consensus.Coinbase;
using Antimony.Consensus.Coins;
using Antimony.Consensus.Parameters;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Numerics;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;

namespace Antimony.Testing.Chains;

/// <summary>
/// Makes valid blocks, forks and signed spends for a network whose proof-of-work limit is trivial (regtest by
/// default), deterministically from a seed and without a node: every block carries a BIP34 coinbase paying its
/// subsidy plus fees to the builder's keys, a BIP141 witness commitment when a transaction has a witness, the
/// merkle root, the bits the network's difficulty algorithm requires and a time one target spacing after its
/// parent. Any earlier block can be built on, so a fork is just <c>AddBlock(earlier)</c>. Not thread-safe.
/// </summary>
public sealed partial class ChainBuilder : IDisposable
{
    private static readonly Hash256 ReservedValue = Hash256.Zero;
    private readonly HeaderIndex? _headers;
    private uint _extraNonce;

    /// <summary>A builder for <paramref name="parameters"/> (regtest when <see langword="null"/>) with keys derived from <paramref name="seed"/>.</summary>
    public ChainBuilder(ChainParameters? parameters = null, int seed = 0)
    {
        Parameters = parameters ?? ChainParameters.Regtest;
        Keys = new TestKeyring(seed);
        Genesis = new BuiltBlock(Parameters.CreateGenesisBlock(), null, ImmutableDictionary<OutPoint, Coin>.Empty);
        Tip = Genesis;
        // Retargeting networks need the header tree the algorithm reads; regtest's fixed bits need none.
        if (Parameters.DifficultyAdjustment != Consensus.Difficulty.DifficultyAdjustment.None)
            _headers = new HeaderIndex(Parameters);
    }

    /// <summary>The network the blocks are valid on.</summary>
    public ChainParameters Parameters { get; }

    /// <summary>The keys every coinbase and spend pays to.</summary>
    public TestKeyring Keys { get; }

    /// <summary>The network's genesis block (its coinbase is unspendable, as in Bitcoin).</summary>
    public BuiltBlock Genesis { get; }

    /// <summary>The block most recently added with <see cref="AddBlock"/> (not necessarily the most-work one after forks).</summary>
    public BuiltBlock Tip { get; private set; }

    /// <summary>The fee each spend made by <see cref="Spend"/> pays.</summary>
    public Money SpendFee { get; set; } = new(1_000);

    /// <summary>
    /// Makes and records a valid block on <paramref name="parent"/> (the last added block when <see langword="null"/>)
    /// holding <paramref name="transactions"/> in order, with a coinbase of <paramref name="coinbaseOutputs"/> equal outputs.
    /// The transactions must be valid on that branch for the block to be; the builder does not check them.
    /// </summary>
    public BuiltBlock AddBlock(BuiltBlock? parent = null, IEnumerable<Transaction>? transactions = null, int coinbaseOutputs = 1)
    {
        parent ??= Tip;
        var list = transactions?.ToList() ?? [];
        var block = MakeBlock(parent, list, coinbaseOutputs: coinbaseOutputs);
        var built = new BuiltBlock(block, parent, ApplyCoins(parent, block));
        _headers?.Add(block.Header);
        Tip = built;
        return built;
    }

    /// <summary>Adds <paramref name="count"/> blocks in a row on <paramref name="parent"/> (default: the tip); returns the last.</summary>
    public BuiltBlock AddBlocks(int count, BuiltBlock? parent = null, int coinbaseOutputs = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var block = parent ?? Tip;
        for (int i = 0; i < count; i++)
            block = AddBlock(block, null, coinbaseOutputs);
        return block;
    }

    /// <summary>
    /// A block on <paramref name="parent"/> that the builder does not record (for invalid variants and custom edits):
    /// <paramref name="coinbaseValue"/> overrides subsidy plus fees, <paramref name="editHeader"/> changes the header before mining.
    /// </summary>
    public Block MakeBlock(BuiltBlock parent, IReadOnlyList<Transaction> transactions, Money? coinbaseValue = null,
        int coinbaseOutputs = 1, Func<BlockHeader, BlockHeader>? editHeader = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(coinbaseOutputs);
        int height = parent.Height + 1;
        var value = coinbaseValue ?? Parameters.GetBlockSubsidy(height) + Fees(parent, transactions);
        bool witness = transactions.Any(t => t.HasWitness);
        var all = ImmutableArray.CreateBuilder<Transaction>(transactions.Count + 1);
        all.Add(MakeCoinbase(height, value, coinbaseOutputs, witness));
        all.AddRange(transactions);
        if (witness)
        {
            // BIP141: the commitment covers the witness root with the coinbase's wtxid taken as zero, so it can be
            // computed on a draft and appended as the coinbase's last output.
            var commitment = WitnessCommitment.Compute(new Block(default, all.ToImmutable()), ReservedValue);
            all[0] = all[0].ToBuilder().AddOutput(commitment.ToOutput()).Build();
        }
        var transactionsArray = all.MoveToImmutable();
        var draft = new Block(default, transactionsArray);
        var header = new BlockHeader(0x20000000, parent.Hash, draft.ComputeMerkleRoot(out _),
            parent.Header.Time + (uint)Parameters.TargetSpacing.TotalSeconds, NextBits(parent), 0);
        if (editHeader is not null)
            header = editHeader(header);
        return new Block(Mine(header), transactionsArray);
    }

    /// <summary>The first header from <paramref name="header"/>'s nonce on whose hash meets its bits (about two tries on regtest).</summary>
    public static BlockHeader Mine(BlockHeader header)
    {
        var target = header.Bits.ToTarget();
        for (uint nonce = header.Nonce; ; nonce++)
        {
            var candidate = header with { Nonce = nonce };
            if (CompactTarget.IsMet(candidate.Hash, target))
                return candidate;
            if (nonce == uint.MaxValue)
                throw new InvalidOperationException("No nonce meets the target; the builder needs a trivial proof-of-work limit.");
        }
    }

    /// <summary>Subsidy excluded: what the transactions pay in fees on <paramref name="parent"/>'s branch (unknown inputs count as zero).</summary>
    public static Money Fees(BuiltBlock parent, IReadOnlyList<Transaction> transactions)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(transactions);
        Dictionary<OutPoint, Money>? created = null;
        long fees = 0;
        foreach (var transaction in transactions)
        {
            long inputs = 0;
            foreach (var input in transaction.Inputs)
            {
                if (parent.Coins.TryGetValue(input.PreviousOutput, out var coin))
                    inputs += coin.Output.Value.Atoms;
                else if (created is not null && created.TryGetValue(input.PreviousOutput, out var value))
                    inputs += value.Atoms;
            }
            long outputs = 0;
            for (int i = 0; i < transaction.Outputs.Length; i++)
            {
                outputs += transaction.Outputs[i].Value.Atoms;
                (created ??= [])[new OutPoint(transaction.Txid, (uint)i)] = transaction.Outputs[i].Value;
            }
            fees += Math.Max(0, inputs - outputs);
        }
        return new Money(fees);
    }

    /// <summary>Makes blocks built elsewhere (parents first) known to the difficulty algorithm, so this builder can extend them.</summary>
    internal void Adopt(IEnumerable<BuiltBlock> blocks)
    {
        if (_headers is null)
            return;
        foreach (var block in blocks)
            _headers.Add(block.Header);
    }

    /// <summary>Releases the header index a retargeting network needs.</summary>
    public void Dispose() => _headers?.Dispose();

    private CompactTarget NextBits(BuiltBlock parent) => _headers?.NextBits(parent.Hash) ?? Parameters.PowLimitBits;

    private Transaction MakeCoinbase(int height, Money value, int outputs, bool witness)
    {
        uint extra = ++_extraNonce;
        byte[] scriptSig = [.. CoinbaseHeight.Encode(height), 0x04, (byte)extra, (byte)(extra >> 8), (byte)(extra >> 16), (byte)(extra >> 24)];
        var builder = new TransactionBuilder().AddInput(new TxIn(OutPoint.Null, new Script(scriptSig), TxIn.SequenceFinal,
            witness ? new Witness(ReservedValue.ToArray()) : Witness.Empty));
        foreach (var output in Split(value, outputs, height))
            builder.AddOutput(output);
        return builder.Build();
    }

    /// <summary><paramref name="total"/> in <paramref name="count"/> outputs over the builder's keys (the last takes the remainder).</summary>
    private IEnumerable<TxOut> Split(Money total, int count, int salt)
    {
        long part = total.Atoms / count;
        for (int i = 0; i < count; i++)
        {
            long value = i == count - 1 ? total.Atoms - part * (count - 1) : part;
            yield return new TxOut(new Money(value), Keys.Scripts[(i + salt) % Keys.Scripts.Count]);
        }
    }

    private static ImmutableDictionary<OutPoint, Coin> ApplyCoins(BuiltBlock parent, Block block)
    {
        var coins = parent.Coins.ToBuilder();
        int height = parent.Height + 1;
        for (int t = 0; t < block.Transactions.Length; t++)
        {
            var transaction = block.Transactions[t];
            if (t > 0)
            {
                foreach (var input in transaction.Inputs)
                    coins.Remove(input.PreviousOutput);
            }
            for (int i = 0; i < transaction.Outputs.Length; i++)
            {
                var output = transaction.Outputs[i];
                if (ScriptPubKey.Classify(output.ScriptPubKey.Span) is OutputType.P2tr or OutputType.P2wpkh)
                    coins[new OutPoint(transaction.Txid, (uint)i)] = new Coin(output, height, t == 0);
            }
        }
        return coins.ToImmutable();
    }
}
