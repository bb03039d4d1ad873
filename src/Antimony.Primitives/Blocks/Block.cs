using System.Buffers;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Serialization;
using Antimony.Primitives.Transactions;

namespace Antimony.Primitives.Blocks;

/// <summary>An immutable block: a header and its transactions, the first of which is the coinbase.</summary>
/// <remarks>
/// A parsed block keeps every script and witness item as a view into one private copy of its bytes.
/// Nothing here checks consensus rules: a block that parses may still be invalid (see Antimony.Consensus).
/// </remarks>
public sealed class Block : IConsensusEncodable, IConsensusDecodable<Block>
{
    private BlockHash _hash;
    private bool _hasHash;

    /// <summary>Creates a block from a header and transactions.</summary>
    /// <exception cref="ArgumentException">The transaction array is default (uninitialised).</exception>
    public Block(BlockHeader header, ImmutableArray<Transaction> transactions)
    {
        if (transactions.IsDefault)
            throw new ArgumentException("Transactions must be initialised.", nameof(transactions));
        Header = header;
        Transactions = transactions;
    }

    /// <summary>The header.</summary>
    public BlockHeader Header { get; }

    /// <summary>The transactions in block order.</summary>
    public ImmutableArray<Transaction> Transactions { get; }

    /// <summary>The block id (SHA-256d of the header), computed once.</summary>
    public BlockHash Hash
    {
        get
        {
            if (!Volatile.Read(ref _hasHash))
            {
                _hash = Header.Hash;
                Volatile.Write(ref _hasHash, true);
            }
            return _hash;
        }
    }

    /// <inheritdoc />
    public int SerializedSize
    {
        get
        {
            int size = BlockHeader.Size + CompactSize.SizeOf((ulong)Transactions.Length);
            foreach (var transaction in Transactions)
                size += transaction.TotalSize;
            return size;
        }
    }

    /// <summary>The block's size without witness data.</summary>
    public int BaseSize
    {
        get
        {
            int size = BlockHeader.Size + CompactSize.SizeOf((ulong)Transactions.Length);
            foreach (var transaction in Transactions)
                size += transaction.BaseSize;
            return size;
        }
    }

    /// <summary>BIP141 block weight: base size × 3 + total size.</summary>
    public int Weight => BaseSize * 3 + SerializedSize;

    /// <summary>The merkle root of the txids, and whether the list is mutated (CVE-2012-2459).</summary>
    /// <remarks>Txids not yet known are computed many at a time on the multi-lane SHA-256 kernels and cached.</remarks>
    public Hash256 ComputeMerkleRoot(out bool mutated) => ComputeMerkleRoot(out mutated, Sha256Lanes.BestPath);

    /// <summary>Whether the header's merkle root is the root of these transactions and the list is not mutated (CVE-2012-2459).</summary>
    public bool HasValidMerkleRoot() => HasValidMerkleRoot(Sha256Lanes.BestPath);

    /// <summary>
    /// The BIP141 witness merkle root: the tree of wtxids with the coinbase's taken as zero.
    /// </summary>
    public Hash256 ComputeWitnessMerkleRoot() => ComputeWitnessMerkleRoot(Sha256Lanes.BestPath);

    /// <summary><see cref="HasValidMerkleRoot()"/> on a chosen SHA-256 path.</summary>
    internal bool HasValidMerkleRoot(Sha256Path path) => ComputeMerkleRoot(out bool mutated, path) == Header.MerkleRoot && !mutated;

    /// <summary><see cref="ComputeMerkleRoot(out bool)"/> on a chosen SHA-256 path.</summary>
    internal Hash256 ComputeMerkleRoot(out bool mutated, Sha256Path path)
    {
        var transactions = Transactions.AsSpan();
        var rented = ArrayPool<Hash256>.Shared.Rent(transactions.Length);
        try
        {
            var leaves = rented.AsSpan(0, transactions.Length);
            bool allCached = true;
            foreach (var transaction in transactions)
                allCached &= transaction.HasCachedTxid;
            if (allCached)
            {
                for (int i = 0; i < leaves.Length; i++)
                    leaves[i] = transactions[i].Txid.Value;
            }
            else
            {
                TransactionHashBatch.Compute(transactions, witness: false, leaves, path);
                for (int i = 0; i < leaves.Length; i++)
                    transactions[i].CacheTxid(leaves[i]);
            }
            return MerkleTree.ComputeRoot(leaves, out mutated, path);
        }
        finally
        {
            ArrayPool<Hash256>.Shared.Return(rented);
        }
    }

    /// <summary><see cref="ComputeWitnessMerkleRoot()"/> on a chosen SHA-256 path.</summary>
    internal Hash256 ComputeWitnessMerkleRoot(Sha256Path path)
    {
        var transactions = Transactions.AsSpan();
        var rented = ArrayPool<Hash256>.Shared.Rent(transactions.Length);
        try
        {
            var leaves = rented.AsSpan(0, transactions.Length);
            TransactionHashBatch.Compute(transactions, witness: true, leaves, path);
            // BIP141: the coinbase's wtxid is taken as zero, since its witness holds the reserved value
            // that the commitment (in the coinbase) hashes with the witness root.
            if (!leaves.IsEmpty)
                leaves[0] = Hash256.Zero;
            return MerkleTree.ComputeRoot(leaves, out _, path);
        }
        finally
        {
            ArrayPool<Hash256>.Shared.Return(rented);
        }
    }

    /// <inheritdoc />
    public void Write(ref ConsensusWriter writer)
    {
        Header.Write(ref writer);
        writer.WriteCompactSize((ulong)Transactions.Length);
        foreach (var transaction in Transactions)
            transaction.Write(ref writer);
    }

    /// <summary>The full encoding as a new array.</summary>
    public byte[] ToBytes() => ConsensusEncoding.ToBytes(this);

    /// <inheritdoc />
    public static Block Read(ref ConsensusReader reader)
    {
        var header = BlockHeader.Read(ref reader);
        // Every transaction takes at least 10 bytes (version, two counts, lock time).
        int count = reader.ReadCount(ConsensusReader.MaxCount, minItemSize: 10);
        var transactions = new Transaction[count];
        for (int i = 0; i < transactions.Length; i++)
            transactions[i] = Transaction.Read(ref reader);
        return new Block(header, ImmutableCollectionsMarshal.AsImmutableArray(transactions));
    }

    /// <summary>Parses exactly one block spanning all of <paramref name="bytes"/>.</summary>
    /// <exception cref="DecodeException">Truncated, malformed, or followed by trailing bytes.</exception>
    public static Block Parse(ReadOnlySpan<byte> bytes) => ConsensusEncoding.DecodeCopy<Block>(bytes);

    /// <summary>Parses exactly one block spanning all of <paramref name="bytes"/>; never throws for bad input.</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out Block? block, out DecodeError error) =>
        ConsensusEncoding.TryDecode(bytes, Parse, out block, out error);

    /// <summary>Id and shape, for debugging.</summary>
    public override string ToString() => $"Block {Hash} ({Transactions.Length} transactions)";
}
