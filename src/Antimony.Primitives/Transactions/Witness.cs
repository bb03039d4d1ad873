using Antimony.Primitives.Serialization;

namespace Antimony.Primitives.Transactions;

/// <summary>
/// An input's witness (BIP141): a stack of byte strings that proves the right to spend, kept outside the
/// txid. For Antimony's output types it is <c>[signature]</c> (P2TR key path) or
/// <c>[signature, public key]</c> (P2WPKH).
/// </summary>
/// <remarks>Immutable by contract: the items are never changed after construction. Equality compares bytes.</remarks>
public readonly struct Witness : IEquatable<Witness>, IConsensusEncodable
{
    // A run of items in an array that may be shared: a parsed transaction keeps the items of all its
    // witnesses in one array, so parsing costs one allocation for the whole witness section.
    private readonly ReadOnlyMemory<byte>[]? _items;
    private readonly int _start;
    private readonly int _count;

    /// <summary>A witness of the given items; the array is taken over, not copied.</summary>
    public Witness(params ReadOnlyMemory<byte>[] items)
        : this(items ?? throw new ArgumentNullException(nameof(items)), 0, items.Length)
    {
    }

    /// <summary>A witness of <paramref name="count"/> items of <paramref name="items"/> from <paramref name="start"/>.</summary>
    internal Witness(ReadOnlyMemory<byte>[] items, int start, int count)
    {
        if (count != 0)
        {
            _items = items;
            _start = start;
            _count = count;
        }
    }

    /// <summary>The empty witness (of an input that needs none, or a transaction without witness data).</summary>
    public static Witness Empty => default;

    /// <summary>The number of stack items.</summary>
    public int Count => _count;

    /// <summary>Whether the witness has no items.</summary>
    public bool IsEmpty => _count == 0;

    /// <summary>One stack item.</summary>
    /// <exception cref="IndexOutOfRangeException">No such item.</exception>
    public ReadOnlySpan<byte> this[int index] => Items[index].Span;

    /// <summary>The stack items.</summary>
    public ReadOnlySpan<ReadOnlyMemory<byte>> Items => _items is null ? default : new(_items, _start, _count);

    /// <inheritdoc />
    public int SerializedSize
    {
        get
        {
            int size = CompactSize.SizeOf((ulong)_count);
            foreach (var item in Items)
                size += CompactSize.SizeOf((ulong)item.Length) + item.Length;
            return size;
        }
    }

    /// <inheritdoc />
    public void Write(ref ConsensusWriter writer)
    {
        writer.WriteCompactSize((ulong)_count);
        foreach (var item in Items)
            writer.WriteLengthPrefixed(item.Span);
    }

    /// <summary>Reads a witness stack: a count, then that many length-prefixed items.</summary>
    public static Witness Read(ref ConsensusReader reader)
    {
        int count = reader.ReadCount(ConsensusReader.MaxCount, minItemSize: 1);
        if (count == 0)
            return Empty;
        var items = new ReadOnlyMemory<byte>[count];
        for (int i = 0; i < items.Length; i++)
            items[i] = reader.ReadLengthPrefixedMemory();
        return new Witness(items);
    }

    /// <summary>
    /// Reads one witness per input into one shared item array (measured by a first pass over a copy of the
    /// reader, which also fails on truncation before anything is allocated); false when every witness is empty.
    /// </summary>
    internal static bool ReadAll(ref ConsensusReader reader, TxIn[] inputs)
    {
        var scan = reader;
        int total = 0;
        for (int i = 0; i < inputs.Length; i++)
        {
            int count = scan.ReadCount(ConsensusReader.MaxCount, minItemSize: 1);
            total += count;
            for (int j = 0; j < count; j++)
                scan.SkipLengthPrefixed();
        }
        if (total == 0)
        {
            reader = scan;
            return false;
        }
        var items = new ReadOnlyMemory<byte>[total];
        int next = 0;
        for (int i = 0; i < inputs.Length; i++)
        {
            int count = reader.ReadCount(ConsensusReader.MaxCount, minItemSize: 1);
            for (int j = 0; j < count; j++)
                items[next + j] = reader.ReadLengthPrefixedMemory();
            if (count != 0)
                inputs[i] = inputs[i] with { Witness = new Witness(items, next, count) };
            next += count;
        }
        return true;
    }


    /// <inheritdoc />
    public bool Equals(Witness other)
    {
        var mine = Items;
        var theirs = other.Items;
        if (mine.Length != theirs.Length)
            return false;
        for (int i = 0; i < mine.Length; i++)
        {
            if (!mine[i].Span.SequenceEqual(theirs[i].Span))
                return false;
        }
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Witness other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items)
            hash.AddBytes(item.Span);
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
}
