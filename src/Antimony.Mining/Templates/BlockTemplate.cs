using System.Buffers.Binary;
using System.Collections.Immutable;
using Antimony.Consensus.Coinbase;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Numerics;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;

namespace Antimony.Mining.Templates;

/// <summary>
/// Everything needed to mine one block on a given tip except the coinbase's extra-nonce, the header
/// time and the nonce: the chosen transactions in block order, the coinbase's fixed parts, the merkle
/// branch of the coinbase and the header fields. Immutable, so threads and RPC can share it.
/// </summary>
/// <remarks>
/// The coinbase script is the BIP34 height push, then an 8-byte extra-nonce push, then an optional tag
/// push. The extra-nonce has a fixed width so the coinbase's size, and with it the block weight counted
/// when the template was built, never changes. The coinbase always carries a BIP141 witness commitment
/// (and the 32-byte zero reserved value as its witness), as Bitcoin Core's templates do; with no witness
/// transaction it commits to a witness root over zero hashes, which is valid.
/// </remarks>
public sealed class BlockTemplate
{
    /// <summary>The width of the extra-nonce in the coinbase script.</summary>
    public const int ExtraNonceSize = 8;

    private static readonly ReadOnlyMemory<byte> ReservedValue = new byte[32];
    private readonly byte[] _tagPush;

    internal BlockTemplate(
        BlockHash previousBlock, int height, int version, CompactTarget bits, uint minTime, uint time, Money subsidy, Money fees,
        ImmutableArray<Transaction> transactions, Script payoutScript, Script witnessCommitmentScript, byte[] tagPush, DateTimeOffset createdAt)
    {
        PreviousBlock = previousBlock;
        Height = height;
        Version = version;
        Bits = bits;
        Target = bits.ToTarget();
        MinTime = minTime;
        Time = time;
        Subsidy = subsidy;
        Fees = fees;
        Transactions = transactions;
        PayoutScript = payoutScript;
        WitnessCommitmentScript = witnessCommitmentScript;
        _tagPush = tagPush;
        CreatedAt = createdAt;
        MerkleBranch = Templates.MerkleBranch.ForFirstLeaf([.. transactions.Select(t => t.Txid.Value)]);
        var coinbase = CreateCoinbase(0);
        // Header and a 5-byte transaction count are base data (weight 4 per byte).
        Weight = 4L * (BlockHeader.Size + Primitives.Serialization.CompactSize.SizeOf((ulong)transactions.Length + 1))
            + coinbase.Weight + transactions.Sum(t => (long)t.Weight);
    }

    /// <summary>The id of the tip this block extends.</summary>
    public BlockHash PreviousBlock { get; }

    /// <summary>The new block's height.</summary>
    public int Height { get; }

    /// <summary>The header version.</summary>
    public int Version { get; }

    /// <summary>The compact target the consensus difficulty algorithm requires of this block.</summary>
    public CompactTarget Bits { get; }

    /// <summary>The expanded target a header hash must not exceed.</summary>
    public UInt256 Target { get; }

    /// <summary>The earliest valid header time: the tip's median time past plus one second.</summary>
    public uint MinTime { get; }

    /// <summary>The header time when the template was built: the later of <see cref="MinTime"/> and the clock.</summary>
    public uint Time { get; }

    /// <summary>The block subsidy at <see cref="Height"/>.</summary>
    public Money Subsidy { get; }

    /// <summary>The total fee of <see cref="Transactions"/>.</summary>
    public Money Fees { get; }

    /// <summary>What the coinbase pays: subsidy plus fees, the most the consensus rules allow.</summary>
    public Money CoinbaseValue => Subsidy + Fees;

    /// <summary>The transactions after the coinbase, in block order (parents before children).</summary>
    public ImmutableArray<Transaction> Transactions { get; }

    /// <summary>The coinbase's merkle branch (see <see cref="Templates.MerkleBranch"/>).</summary>
    public ImmutableArray<Hash256> MerkleBranch { get; }

    /// <summary>The script the coinbase pays to.</summary>
    public Script PayoutScript { get; }

    /// <summary>The coinbase's BIP141 witness commitment output script.</summary>
    public Script WitnessCommitmentScript { get; }

    /// <summary>The block's full weight (BIP141), header and coinbase included; the same for every extra-nonce.</summary>
    public long Weight { get; }

    /// <summary>When the template was built.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The coinbase for <paramref name="extraNonce"/>: only its script (and so its txid) differs between extra-nonces.</summary>
    public Transaction CreateCoinbase(ulong extraNonce)
    {
        var height = CoinbaseHeight.Encode(Height);
        var script = new byte[height.Length + 1 + ExtraNonceSize + _tagPush.Length];
        height.CopyTo(script, 0);
        script[height.Length] = ExtraNonceSize;
        BinaryPrimitives.WriteUInt64LittleEndian(script.AsSpan(height.Length + 1), extraNonce);
        _tagPush.CopyTo(script, height.Length + 1 + ExtraNonceSize);
        var input = new TxIn(OutPoint.Null, new Script(script), TxIn.SequenceFinal, new Witness(ReservedValue));
        return new Transaction(2, [input], [new TxOut(CoinbaseValue, PayoutScript), new TxOut(Money.Zero, WitnessCommitmentScript)], 0);
    }

    /// <summary>The merkle root with <paramref name="coinbase"/> as the first transaction, folded up the template's branch.</summary>
    public Hash256 ComputeMerkleRoot(Transaction coinbase)
    {
        ArgumentNullException.ThrowIfNull(coinbase);
        return Templates.MerkleBranch.Fold(coinbase.Txid.Value, MerkleBranch.AsSpan());
    }

    /// <summary>The header for <paramref name="coinbase"/> at <paramref name="time"/> with <paramref name="nonce"/>.</summary>
    public BlockHeader CreateHeader(Transaction coinbase, uint time, uint nonce) =>
        new(Version, PreviousBlock, ComputeMerkleRoot(coinbase), time, Bits, nonce);

    /// <summary>The full block: <paramref name="header"/> over <paramref name="coinbase"/> and the template's transactions.</summary>
    public Block CreateBlock(BlockHeader header, Transaction coinbase) => new(header, Transactions.Insert(0, coinbase));

    /// <summary>The height, parent and transaction count.</summary>
    public override string ToString() => $"Template for height {Height} on {PreviousBlock} ({Transactions.Length} transactions, fees {Fees})";

    internal static Script CreateCommitmentScript(ImmutableArray<Transaction> transactions)
    {
        // BIP141: the coinbase's wtxid counts as zero in the witness tree.
        var leaves = new Hash256[transactions.Length + 1];
        for (int i = 0; i < transactions.Length; i++)
            leaves[i + 1] = transactions[i].Wtxid.Value;
        var root = MerkleTree.ComputeRoot(leaves);
        return WitnessCommitment.Compute(root, Hash256.Zero).ToScript();
    }
}
