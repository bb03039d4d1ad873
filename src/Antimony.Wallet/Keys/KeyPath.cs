using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Antimony.Primitives.Serialization;

namespace Antimony.Wallet.Keys;

/// <summary>
/// A BIP32 derivation path such as <c>m/86'/1'/0'/0/5</c>: child indexes from the master key, hardened ones
/// with the top bit set. Parsing accepts <c>'</c>, <c>h</c> or <c>H</c> as the hardened marker; formatting uses <c>'</c>.
/// </summary>
public readonly struct KeyPath : IEquatable<KeyPath>
{
    /// <summary>The bit that marks a hardened index (BIP32: indexes 2^31 and above).</summary>
    public const uint HardenedBit = 0x8000_0000;

    private readonly ImmutableArray<uint> _indexes;

    /// <summary>A path of the given child indexes (hardened ones with <see cref="HardenedBit"/> set).</summary>
    public KeyPath(params ReadOnlySpan<uint> indexes) => _indexes = [.. indexes];

    private KeyPath(ImmutableArray<uint> indexes) => _indexes = indexes;

    /// <summary>The master key's path, <c>m</c>.</summary>
    public static KeyPath Master => default;

    /// <summary>The child indexes, master first.</summary>
    public ImmutableArray<uint> Indexes => _indexes.IsDefault ? [] : _indexes;

    /// <summary>How many derivations from the master.</summary>
    public int Depth => Indexes.Length;

    /// <summary>The last index, or 0 for the master.</summary>
    public uint Last => Depth == 0 ? 0 : Indexes[^1];

    /// <summary>This path with one more child.</summary>
    public KeyPath Append(uint index) => new(Indexes.Add(index));

    /// <summary>This path followed by <paramref name="suffix"/>.</summary>
    public KeyPath Append(KeyPath suffix) => new(Indexes.AddRange(suffix.Indexes));

    /// <summary>The hardened form of index <paramref name="index"/> (below 2^31).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> already has the top bit set.</exception>
    public static uint Harden(uint index) =>
        index < HardenedBit ? index | HardenedBit : throw new ArgumentOutOfRangeException(nameof(index), index, "A hardenable index is below 2^31.");

    /// <summary>Whether <paramref name="index"/> is hardened.</summary>
    public static bool IsHardened(uint index) => index >= HardenedBit;

    /// <summary>Reads a path: <c>m</c> then <c>/index</c> parts, each below 2^31 with an optional hardened marker.</summary>
    /// <exception cref="DecodeException"><see cref="DecodeError.InvalidValue"/> at the offending character.</exception>
    public static KeyPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var path, out int position)
            ? path
            : throw new DecodeException(DecodeError.InvalidValue, position, $"'{text}' is not a BIP32 path like m/86'/1'/0'/0/0.");
    }

    /// <summary>Reads a path; false for anything <see cref="Parse"/> refuses.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out KeyPath path) => TryParse(text, out path, out _);

    private static bool TryParse(string? text, out KeyPath path, out int position)
    {
        path = default;
        position = 0;
        if (string.IsNullOrEmpty(text) || text[0] != 'm')
            return false;
        var indexes = ImmutableArray.CreateBuilder<uint>();
        position = 1;
        while (position < text.Length)
        {
            if (text[position] != '/')
                return false;
            int start = ++position;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
                position++;
            if (position == start || position - start > 10
                || !uint.TryParse(text.AsSpan(start, position - start), NumberStyles.None, CultureInfo.InvariantCulture, out uint index)
                || index >= HardenedBit)
            {
                position = start;
                return false;
            }
            if (position < text.Length && text[position] is '\'' or 'h' or 'H')
            {
                index |= HardenedBit;
                position++;
            }
            indexes.Add(index);
        }
        path = new KeyPath(indexes.ToImmutable());
        return true;
    }

    /// <summary>The path as <c>m/86'/1'/0'/0/0</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("m");
        foreach (uint index in Indexes)
        {
            text.Append('/').Append((index & ~HardenedBit).ToString(CultureInfo.InvariantCulture));
            if (IsHardened(index))
                text.Append('\'');
        }
        return text.ToString();
    }

    /// <inheritdoc />
    public bool Equals(KeyPath other) => Indexes.AsSpan().SequenceEqual(other.Indexes.AsSpan());

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is KeyPath other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (uint index in Indexes)
            hash.Add(index);
        return hash.ToHashCode();
    }

    /// <summary>Whether two paths are equal.</summary>
    public static bool operator ==(KeyPath left, KeyPath right) => left.Equals(right);

    /// <summary>Whether two paths differ.</summary>
    public static bool operator !=(KeyPath left, KeyPath right) => !left.Equals(right);
}
