using System.Diagnostics.CodeAnalysis;
using Antimony.Primitives.Serialization;

namespace Antimony.Primitives.Keys;

/// <summary>
/// A 64-byte BIP340 Schnorr signature: <c>bytes(R.x) || bytes(s)</c>.
/// </summary>
/// <remarks>
/// Any 64 bytes are accepted as a signature; the range checks (<c>r &lt; p</c>, <c>s &lt; n</c>) belong to
/// verification, exactly as BIP340 orders them, so a malformed signature is simply one that fails to verify.
/// </remarks>
public readonly struct SchnorrSignature : IEquatable<SchnorrSignature>
{
    /// <summary>The encoded length in bytes.</summary>
    public const int Size = 64;

    private readonly byte[]? _bytes;

    private SchnorrSignature(byte[] bytes) => _bytes = bytes;

    /// <summary>The 64 bytes (<c>r || s</c>); empty for <c>default</c>.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The first half: the X coordinate of the nonce point R.</summary>
    public ReadOnlySpan<byte> R => Bytes[..32];

    /// <summary>The second half: the scalar s.</summary>
    public ReadOnlySpan<byte> S => Bytes[32..];

    /// <summary>Whether this holds a signature (false only for <c>default</c>).</summary>
    public bool IsDefault => _bytes is null;

    /// <summary>Reads a signature from exactly 64 bytes.</summary>
    /// <exception cref="DecodeException">The input is not 64 bytes long.</exception>
    public static SchnorrSignature Parse(ReadOnlySpan<byte> bytes) =>
        TryParse(bytes, out var signature)
            ? signature
            : throw new DecodeException(bytes.Length < Size ? DecodeError.Truncated : DecodeError.TrailingData,
                Math.Min(bytes.Length, Size), $"A Schnorr signature is {Size} bytes; got {bytes.Length}.");

    /// <summary>Reads a signature; false when the input is not 64 bytes long.</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, out SchnorrSignature signature)
    {
        signature = bytes.Length == Size ? new SchnorrSignature(bytes.ToArray()) : default;
        return bytes.Length == Size;
    }

    /// <summary>Wraps an array the caller hands over (not copied; internal callers only).</summary>
    internal static SchnorrSignature FromOwnedArray(byte[] bytes) => new(bytes);

    /// <summary>A copy of the 64 bytes.</summary>
    public byte[] ToArray() => Bytes.ToArray();

    /// <summary>Copies the 64 bytes to <paramref name="destination"/>.</summary>
    public void CopyTo(Span<byte> destination) => Bytes.CopyTo(destination);

    /// <inheritdoc />
    public bool Equals(SchnorrSignature other) => Bytes.SequenceEqual(other.Bytes);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is SchnorrSignature other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    /// <summary>Lowercase hex of the 64 bytes.</summary>
    public override string ToString() => Convert.ToHexStringLower(Bytes);

    /// <summary>Whether two signatures are byte-for-byte equal.</summary>
    public static bool operator ==(SchnorrSignature left, SchnorrSignature right) => left.Equals(right);

    /// <summary>Whether two signatures differ.</summary>
    public static bool operator !=(SchnorrSignature left, SchnorrSignature right) => !left.Equals(right);
}
