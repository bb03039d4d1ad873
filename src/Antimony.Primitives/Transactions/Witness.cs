using System.Buffers.Binary;
using Antimony.Primitives.Serialization;

namespace Antimony.Primitives.Transactions;

/// <summary>
/// An input's witness (BIP141): a stack of byte strings that proves the right to spend, kept outside the
/// txid. For Antimony's output types it is <c>[signature]</c> (P2TR key path) or
/// <c>[signature, public key]</c> (P2WPKH).
/// </summary>
/// <remarks>
/// Held in its wire form: the item count and the length-prefixed items as one byte range. A parsed
/// witness is a view into the transaction's encoding, so parsing allocates nothing per witness and
/// re-serializing is a copy; items are found by walking the (one- or two-item) stack.
/// Immutable by contract: the bytes never change after construction. Equality compares the items.
/// </remarks>
public readonly struct Witness : IEquatable<Witness>, IConsensusEncodable
{
    // The length-prefixed items (without the count), in canonical encoding.
    private readonly ReadOnlyMemory<byte> _stack;
    private readonly int _count;

    /// <summary>A witness of the given items (copied into one encoded buffer).</summary>
    public Witness(params ReadOnlyMemory<byte>[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Length == 0)
            return;
        int size = 0;
        foreach (var item in items)
            size += CompactSize.SizeOf((ulong)item.Length) + item.Length;
        var bytes = new byte[size];
        var writer = new ConsensusWriter(bytes);
        foreach (var item in items)
            writer.WriteLengthPrefixed(item.Span);
        _stack = bytes;
        _count = items.Length;
    }

    private Witness(ReadOnlyMemory<byte> stack, int count)
    {
        _stack = stack;
        _count = count;
    }

    /// <summary>The empty witness (of an input that needs none, or a transaction without witness data).</summary>
    public static Witness Empty => default;

    /// <summary>The number of stack items.</summary>
    public int Count => _count;

    /// <summary>Whether the witness has no items.</summary>
    public bool IsEmpty => _count == 0;

    /// <summary>One stack item.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such item.</exception>
    public ReadOnlySpan<byte> this[int index] => _stack.Span.Slice(Locate(index, out int length), length);

    /// <summary>One stack item as memory (a view, not a copy).</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such item.</exception>
    public ReadOnlyMemory<byte> ItemMemory(int index) => _stack.Slice(Locate(index, out int length), length);

    /// <summary>The stack items, first to last.</summary>
    public ReadOnlyMemory<byte>[] ToArray()
    {
        var items = new ReadOnlyMemory<byte>[_count];
        for (int i = 0; i < items.Length; i++)
            items[i] = ItemMemory(i);
        return items;
    }

    /// <inheritdoc />
    public int SerializedSize => CompactSize.SizeOf((ulong)_count) + _stack.Length;

    /// <inheritdoc />
    public void Write(ref ConsensusWriter writer)
    {
        writer.WriteCompactSize((ulong)_count);
        writer.WriteBytes(_stack.Span);
    }

    /// <summary>Reads a witness stack: a count, then that many length-prefixed items.</summary>
    public static Witness Read(ref ConsensusReader reader)
    {
        int count = reader.ReadCount(ConsensusReader.MaxCount, minItemSize: 1);
        if (count == 0)
            return Empty;
        int start = reader.Position;
        for (int i = 0; i < count; i++)
            reader.SkipLengthPrefixed();
        return new Witness(reader.ConsumedMemoryOrCopy(start), count);
    }

    /// <summary>
    /// Reads one witness per input (BIP144's witness section) and attaches them; false when every witness is
    /// empty, which BIP144 forbids (the "superfluous witness record").
    /// </summary>
    internal static bool ReadAll(ref ConsensusReader reader, TxIn[] inputs)
    {
        bool any = false;
        for (int i = 0; i < inputs.Length; i++)
        {
            var witness = Read(ref reader);
            if (!witness.IsEmpty)
            {
                inputs[i] = inputs[i] with { Witness = witness };
                any = true;
            }
        }
        return any;
    }

    /// <inheritdoc />
    public bool Equals(Witness other) => _count == other._count && _stack.Span.SequenceEqual(other._stack.Span);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Witness other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(_count);
        hash.AddBytes(_stack.Span);
        return hash.ToHashCode();
    }

    /// <summary>Whether two witnesses hold the same items.</summary>
    public static bool operator ==(Witness left, Witness right) => left.Equals(right);

    /// <summary>Whether two witnesses differ.</summary>
    public static bool operator !=(Witness left, Witness right) => !left.Equals(right);

    /// <summary>The items as hex, comma-separated.</summary>
    public override string ToString()
    {
        var parts = new string[_count];
        for (int i = 0; i < parts.Length; i++)
            parts[i] = Convert.ToHexStringLower(this[i]);
        return "[" + string.Join(", ", parts) + "]";
    }

    /// <summary>The offset of item <paramref name="index"/>'s bytes in the stack, walking the length prefixes before it.</summary>
    private int Locate(int index, out int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
        var stack = _stack.Span;
        int position = 0;
        for (int i = 0; ; i++)
        {
            // The stack was validated (or written) in canonical form, and an item is far below 2^32 bytes.
            int prefix = stack[position];
            (length, int prefixSize) = prefix switch
            {
                < 0xFD => (prefix, 1),
                0xFD => (BinaryPrimitives.ReadUInt16LittleEndian(stack[(position + 1)..]), 3),
                _ => ((int)BinaryPrimitives.ReadUInt32LittleEndian(stack[(position + 1)..]), 5),
            };
            position += prefixSize;
            if (i == index)
                return position;
            position += length;
        }
    }
}
