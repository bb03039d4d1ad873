using System.Buffers;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Serialization;

namespace Antimony.Primitives.Transactions;

/// <summary>
/// An immutable transaction in Bitcoin's format, serialized with the BIP144 witness form when any input
/// has a witness. Build one with <see cref="TransactionBuilder"/>; read one with <see cref="Parse(ReadOnlySpan{byte})"/>.
/// </summary>
/// <remarks>
/// Sizes are computed once at construction; <see cref="Txid"/> and <see cref="Wtxid"/> once on first use.
/// A parsed transaction keeps its encoding, and its scripts and witnesses as views into one private copy
/// of the input: parsing allocates that copy, one array each for inputs and outputs, and the object itself;
/// hashing or re-serializing it copies that encoding instead of re-encoding field by field.
/// </remarks>
public sealed class Transaction : IConsensusEncodable, IConsensusDecodable<Transaction>
{
    /// <summary>BIP144's marker byte, written where a non-witness encoding has its input count.</summary>
    private const byte WitnessMarker = 0x00;

    /// <summary>BIP144's flag byte: bit 0 says witness data follows the outputs.</summary>
    private const byte WitnessFlag = 0x01;

    private const int HasTxid = 1;
    private const int HasWtxid = 2;

    private readonly int _baseSize;
    private readonly int _totalSize;

    // The full encoding this transaction was parsed from (empty when built from parts), and where its
    // witness section starts: with witnesses the base encoding is [0,4) + [6,_witnessOffset) + the last 4 bytes.
    private readonly ReadOnlyMemory<byte> _encoding;
    private readonly int _witnessOffset;

    // Ids computed on first use. A hash is written before its bit is published with a full fence, so a
    // reader that sees the bit sees the whole hash; two threads racing both write the same value.
    private Hash256 _txid;
    private Hash256 _wtxid;
    private int _cached;

    /// <summary>Creates a transaction from its parts.</summary>
    /// <exception cref="ArgumentException">An array is default (uninitialised).</exception>
    public Transaction(int version, ImmutableArray<TxIn> inputs, ImmutableArray<TxOut> outputs, uint lockTime)
    {
        if (inputs.IsDefault)
            throw new ArgumentException("Inputs must be initialised.", nameof(inputs));
        if (outputs.IsDefault)
            throw new ArgumentException("Outputs must be initialised.", nameof(outputs));
        Version = version;
        Inputs = inputs;
        Outputs = outputs;
        LockTime = lockTime;
        (_baseSize, _totalSize, HasWitness) = ComputeSizes(inputs, outputs);
    }

    private Transaction(int version, TxIn[] inputs, TxOut[] outputs, uint lockTime, ReadOnlyMemory<byte> encoding, int totalSize, int witnessOffset, int witnessSize)
    {
        Version = version;
        // The arrays were filled by the decoder and are never touched again, so they are wrapped without copying.
        Inputs = ImmutableCollectionsMarshal.AsImmutableArray(inputs);
        Outputs = ImmutableCollectionsMarshal.AsImmutableArray(outputs);
        LockTime = lockTime;
        HasWitness = witnessSize > 0;
        _totalSize = totalSize;
        _baseSize = HasWitness ? totalSize - 2 - witnessSize : totalSize;
        _encoding = encoding;
        _witnessOffset = witnessOffset;
    }

    /// <summary>The version field (signed, as in Bitcoin).</summary>
    public int Version { get; }

    /// <summary>The inputs.</summary>
    public ImmutableArray<TxIn> Inputs { get; }

    /// <summary>The outputs.</summary>
    public ImmutableArray<TxOut> Outputs { get; }

    /// <summary>The lock time: a height below 500,000,000, else a Unix time.</summary>
    public uint LockTime { get; }

    /// <summary>Whether any input has a witness, so the transaction is serialized in BIP144 form.</summary>
    public bool HasWitness { get; }

    /// <summary>Whether this is a coinbase: exactly one input, spending the null outpoint.</summary>
    public bool IsCoinbase => Inputs.Length == 1 && Inputs[0].PreviousOutput.IsNull;

    /// <summary>The size of the encoding without witness data (what the txid hashes).</summary>
    public int BaseSize => _baseSize;

    /// <summary>The size of the full encoding, with witness data when there is any.</summary>
    public int TotalSize => _totalSize;

    /// <summary>BIP141 weight: base size × 3 + total size.</summary>
    public int Weight => _baseSize * 3 + _totalSize;

    /// <summary>BIP141 virtual size: weight / 4, rounded up.</summary>
    public int VirtualSize => (Weight + 3) / 4;

    /// <summary>The transaction id: SHA-256d of the encoding without witness data.</summary>
    public Txid Txid
    {
        get
        {
            if ((Volatile.Read(ref _cached) & HasTxid) == 0)
            {
                _txid = ComputeTxid().Value;
                Interlocked.Or(ref _cached, HasTxid);
            }
            return new Txid(_txid);
        }
    }

    /// <summary>The witness transaction id: SHA-256d of the full encoding (equal to the txid without witnesses).</summary>
    public Wtxid Wtxid
    {
        get
        {
            if (!HasWitness)
                return new Wtxid(Txid.Value);
            if ((Volatile.Read(ref _cached) & HasWtxid) == 0)
            {
                _wtxid = ComputeWtxid().Value;
                Interlocked.Or(ref _cached, HasWtxid);
            }
            return new Wtxid(_wtxid);
        }
    }

    /// <inheritdoc />
    public int SerializedSize => _totalSize;

    /// <summary>Starts a builder holding this transaction's parts, to derive a modified copy (e.g. with signatures).</summary>
    public TransactionBuilder ToBuilder() => new(this);

    /// <summary>Writes the full encoding: BIP144 form when the transaction has witnesses.</summary>
    public void Write(ref ConsensusWriter writer) => Write(ref writer, HasWitness);

    /// <summary>Writes the encoding without witness data (the legacy form that the txid hashes).</summary>
    public void WriteWithoutWitness(ref ConsensusWriter writer) => Write(ref writer, withWitness: false);

    /// <summary>The full encoding as a new array.</summary>
    public byte[] ToBytes() => ConsensusEncoding.ToBytes(this);

    /// <summary>The full encoding as lowercase hex.</summary>
    public string ToHex() => Convert.ToHexStringLower(ToBytes());

    /// <summary>Parses exactly one transaction spanning all of <paramref name="bytes"/>.</summary>
    /// <exception cref="DecodeException">Truncated, malformed, or followed by trailing bytes.</exception>
    public static Transaction Parse(ReadOnlySpan<byte> bytes) => ConsensusEncoding.DecodeCopy<Transaction>(bytes);

    /// <summary>Parses a transaction from hex.</summary>
    /// <exception cref="DecodeException">Not hex, or not exactly one valid transaction.</exception>
    public static Transaction ParseHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        byte[] bytes;
        try
        {
            bytes = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw new DecodeException(DecodeError.InvalidValue, 0, "The text is not an even number of hexadecimal digits");
        }
        return ConsensusEncoding.DecodeOwned<Transaction>(bytes);
    }

    /// <summary>Parses exactly one transaction spanning all of <paramref name="bytes"/>; never throws for bad input.</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out Transaction? transaction, out DecodeError error) =>
        ConsensusEncoding.TryDecode(bytes, Parse, out transaction, out error);

    /// <summary>
    /// Reads one transaction, accepting both the legacy and the BIP144 form exactly as Bitcoin Core does:
    /// an empty input list followed by a non-zero flag byte means the extended form; a witness section in
    /// which every witness is empty ("superfluous witness record") and unknown flag bits are rejected.
    /// </summary>
    /// <remarks>
    /// The legacy form of a transaction with no inputs is ambiguous: its zero input count reads as BIP144's
    /// marker and its output count as the flag. Bitcoin Core resolves it the same way, which is why a valid
    /// transaction always has at least one input.
    /// </remarks>
    public static Transaction Read(ref ConsensusReader reader)
    {
        int start = reader.Position;
        int version = reader.ReadInt32();
        var inputs = TxIn.ReadList(ref reader);
        byte flags = 0;
        TxOut[] outputs;
        if (inputs.Length == 0)
        {
            // The "input count" was BIP144's marker; the flag byte follows.
            flags = reader.ReadByte();
            if (flags != 0)
            {
                inputs = TxIn.ReadList(ref reader);
                outputs = TxOut.ReadList(ref reader);
            }
            else
            {
                outputs = [];
            }
        }
        else
        {
            outputs = TxOut.ReadList(ref reader);
        }

        int witnessStart = reader.Position;
        if ((flags & WitnessFlag) != 0)
        {
            flags ^= WitnessFlag;
            if (!Witness.ReadAll(ref reader, inputs))
                reader.Fail(DecodeError.InvalidValue, "Superfluous witness record: the extended form with no witness data");
        }
        if (flags != 0)
            reader.Fail(DecodeError.InvalidValue, $"Unknown transaction optional data (flag bits 0x{flags:x2})");
        int witnessSize = reader.Position - witnessStart;

        uint lockTime = reader.ReadUInt32();
        return new Transaction(version, inputs, outputs, lockTime, reader.ConsumedMemory(start), reader.Position - start, witnessStart - start, witnessSize);
    }

    /// <summary>The full encoding appended to <paramref name="output"/>.</summary>
    public void WriteTo(IBufferWriter<byte> output) => ConsensusEncoding.WriteTo(this, output);

    /// <summary>Txid and shape, for debugging.</summary>
    public override string ToString() => $"Transaction {Txid} ({Inputs.Length} in, {Outputs.Length} out, {TotalSize} bytes)";

    /// <summary>Computes the txid afresh, bypassing the cache (for benchmarks and cross-checks).</summary>
    internal Txid ComputeTxid()
    {
        if (!_encoding.IsEmpty && !HasWitness)
            return new Txid(Sha256d.Hash(_encoding.Span));
        return new Txid(HashEncoding(withWitness: false, _baseSize));
    }

    /// <summary>Computes the wtxid afresh, bypassing the cache.</summary>
    internal Wtxid ComputeWtxid() =>
        _encoding.IsEmpty ? new Wtxid(HashEncoding(withWitness: HasWitness, _totalSize)) : new Wtxid(Sha256d.Hash(_encoding.Span));

    /// <summary>Writes the full (or legacy) encoding into exactly <paramref name="destination"/>, which must have that size.</summary>
    internal void WriteEncoding(Span<byte> destination, bool withWitness)
    {
        var writer = new ConsensusWriter(destination);
        Write(ref writer, withWitness && HasWitness);
    }

    /// <summary>Whether the txid has been computed and cached.</summary>
    internal bool HasCachedTxid => (Volatile.Read(ref _cached) & HasTxid) != 0;

    /// <summary>Caches a txid computed elsewhere (by a batch over a block's transactions).</summary>
    internal void CacheTxid(Hash256 txid)
    {
        _txid = txid;
        Interlocked.Or(ref _cached, HasTxid);
    }

    private Hash256 HashEncoding(bool withWitness, int size)
    {
        byte[]? rented = null;
        Span<byte> buffer = size <= 1024 ? stackalloc byte[size] : (rented = ArrayPool<byte>.Shared.Rent(size)).AsSpan(0, size);
        try
        {
            var writer = new ConsensusWriter(buffer);
            Write(ref writer, withWitness);
            return Sha256d.Hash(buffer);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private void Write(ref ConsensusWriter writer, bool withWitness)
    {
        if (!_encoding.IsEmpty)
        {
            var encoding = _encoding.Span;
            if (withWitness == HasWitness)
            {
                writer.WriteBytes(encoding);
            }
            else
            {
                // The legacy form of a parsed witness transaction: drop the marker, flag and witness section.
                writer.WriteBytes(encoding[..4]);
                writer.WriteBytes(encoding[6.._witnessOffset]);
                writer.WriteBytes(encoding[^4..]);
            }
            return;
        }
        writer.WriteInt32(Version);
        if (withWitness)
        {
            writer.WriteByte(WitnessMarker);
            writer.WriteByte(WitnessFlag);
        }
        writer.WriteCompactSize((ulong)Inputs.Length);
        foreach (ref readonly var input in Inputs.AsSpan())
            input.WriteBase(ref writer);
        writer.WriteCompactSize((ulong)Outputs.Length);
        foreach (ref readonly var output in Outputs.AsSpan())
            output.Write(ref writer);
        if (withWitness)
        {
            foreach (ref readonly var input in Inputs.AsSpan())
                input.Witness.Write(ref writer);
        }
        writer.WriteUInt32(LockTime);
    }

    private static (int BaseSize, int TotalSize, bool HasWitness) ComputeSizes(ImmutableArray<TxIn> inputs, ImmutableArray<TxOut> outputs)
    {
        int size = 4 + CompactSize.SizeOf((ulong)inputs.Length) + CompactSize.SizeOf((ulong)outputs.Length) + 4;
        int witnessSize = 0;
        bool hasWitness = false;
        foreach (ref readonly var input in inputs.AsSpan())
        {
            size += input.BaseSize;
            hasWitness |= !input.Witness.IsEmpty;
        }
        foreach (ref readonly var output in outputs.AsSpan())
            size += output.SerializedSize;
        if (hasWitness)
        {
            witnessSize = 2; // marker and flag
            foreach (ref readonly var input in inputs.AsSpan())
                witnessSize += input.Witness.SerializedSize;
        }
        return (size, size + witnessSize, hasWitness);
    }
}
