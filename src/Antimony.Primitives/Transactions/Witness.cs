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
    private readonly ReadOnlyMemory<byte>[]? _items;

    /// <summary>A witness of the given items; the array is taken over, not copied.</summary>
    public Witness(params ReadOnlyMemory<byte>[] items) => _items = items.Length == 0 ? null : items;

    /// <summary>The empty witness (of an input that needs none, or a transaction without witness data).</summary>
    public static Witness Empty => default;

    /// <summary>The number of stack items.</summary>
    public int Count => _items?.Length ?? 0;

    /// <summary>Whether the witness has no items.</summary>
    public bool IsEmpty => _items is null;

    /// <summary>One stack item.</summary>
    public ReadOnlySpan<byte> this[int index] => (_items ?? [])[index].Span;

    /// <summary>The stack items.</summary>
    public ReadOnlySpan<ReadOnlyMemory<byte>> Items => _items;

    /// <inheritdoc />
    public int SerializedSize
    {
        get
        {
            int size = CompactSize.SizeOf((ulong)Count);
            foreach (var item in Items)
                size += CompactSize.SizeOf((ulong)item.Length) + item.Length;
            return size;
        }
    }

    /// <inheritdoc />
    public void Write(ref ConsensusWriter writer)
    {
        writer.WriteCompactSize((ulong)Count);
        foreach (var item in Items)
            writer.WriteLengthPrefixed(item.Span);
    }

    /// <summary>Reads a witness stack: a count, then that many length-prefixed items.</summary>
    public static Witness Read(ref ConsensusReader reader)
    {
        int count = reader.ReadCount(reader.Remaining, minItemSize: 1);
        if (count == 0)
            return Empty;
        var items = new ReadOnlyMemory<byte>[count];
        for (int i = 0; i < items.Length; i++)
            items[i] = reader.ReadLengthPrefixedMemory(reader.Remaining);
        return new Witness(items);
    }

    /// <inheritdoc />
    public bool Equals(Witness other)
    {
        if (Count != other.Count)
            return false;
        for (int i = 0; i < Count; i++)
        {
            if (!this[i].SequenceEqual(other[i]))
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
        var parts = new string[Count];
        for (int i = 0; i < parts.Length; i++)
            parts[i] = Convert.ToHexStringLower(this[i]);
        return "[" + string.Join(", ", parts) + "]";
    }
}
