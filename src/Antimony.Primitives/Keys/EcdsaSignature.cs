using System.Diagnostics.CodeAnalysis;
using Antimony.Primitives.Serialization;
using Org.BouncyCastle.Math;

namespace Antimony.Primitives.Keys;

/// <summary>
/// An ECDSA signature <c>(r, s)</c>, both in [1, n-1], read and written in strict DER (BIP66).
/// </summary>
/// <remarks>
/// The DER handled here is the bare signature, without the sighash byte a P2WPKH witness appends.
/// Antimony requires low S (BIP146's LOW_S as a consensus rule): <see cref="IsLowS"/> tells, and
/// <see cref="NormalizeS"/> maps <c>s</c> to <c>n - s</c> when it is high.
/// </remarks>
public readonly struct EcdsaSignature : IEquatable<EcdsaSignature>
{
    /// <summary>The longest strict DER encoding: two 33-byte integers plus six bytes of framing.</summary>
    public const int MaxDerLength = 72;

    /// <summary>The shortest strict DER encoding: two 1-byte integers plus six bytes of framing.</summary>
    public const int MinDerLength = 8;

    /// <summary>The length of the compact form <c>r || s</c>.</summary>
    public const int CompactSize = 64;

    private readonly BigInteger? _r, _s;

    internal EcdsaSignature(BigInteger r, BigInteger s)
    {
        _r = r;
        _s = s;
    }

    internal BigInteger R => _r ?? throw new InvalidOperationException("The signature is default (uninitialised).");

    internal BigInteger S => _s ?? throw new InvalidOperationException("The signature is default (uninitialised).");

    /// <summary>Whether this is <c>default</c> (holds no signature).</summary>
    public bool IsDefault => _r is null;

    /// <summary>Whether <c>s ≤ n/2</c>, the only form Antimony's verification accepts.</summary>
    public bool IsLowS => S.CompareTo(Secp256k1.HalfN) <= 0;

    /// <summary>The same signature with <c>s</c> replaced by <c>n - s</c> when it is high (both verify for ECDSA itself).</summary>
    public EcdsaSignature NormalizeS() => IsLowS ? this : new EcdsaSignature(R, Secp256k1.N.Subtract(S));

    /// <summary>Reads a strict DER signature (BIP66 rules, no sighash byte), with r and s in [1, n-1].</summary>
    /// <exception cref="DecodeException">The encoding is not strict DER or a value is out of range.</exception>
    public static EcdsaSignature ParseDer(ReadOnlySpan<byte> der)
    {
        DecodeError error = StrictDer.TryRead(der, out var signature, out int position, out string reason);
        return error == DecodeError.None ? signature : throw new DecodeException(error, position, reason);
    }

    /// <summary>Reads a strict DER signature; false for anything <see cref="ParseDer"/> rejects.</summary>
    public static bool TryParseDer(ReadOnlySpan<byte> der, out EcdsaSignature signature) =>
        StrictDer.TryRead(der, out signature, out _, out _) == DecodeError.None;

    /// <summary>Reads the 64-byte compact form <c>bytes(r) || bytes(s)</c>.</summary>
    /// <exception cref="DecodeException">Not 64 bytes, or r or s outside [1, n-1].</exception>
    public static EcdsaSignature ParseCompact(ReadOnlySpan<byte> compact)
    {
        if (compact.Length != CompactSize)
            throw new DecodeException(compact.Length < CompactSize ? DecodeError.Truncated : DecodeError.TrailingData,
                Math.Min(compact.Length, CompactSize), $"A compact signature is {CompactSize} bytes; got {compact.Length}.");
        BigInteger r = Secp256k1.ToInteger(compact[..32]), s = Secp256k1.ToInteger(compact[32..]);
        if (!Secp256k1.IsValidScalar(r) || !Secp256k1.IsValidScalar(s))
            throw new DecodeException(DecodeError.InvalidValue, 0, "r and s must be in [1, n-1].");
        return new EcdsaSignature(r, s);
    }

    /// <summary>Writes <c>bytes(r) || bytes(s)</c> (64 bytes).</summary>
    public byte[] ToCompact()
    {
        var bytes = new byte[CompactSize];
        Secp256k1.WriteInteger(R, bytes.AsSpan(0, 32));
        Secp256k1.WriteInteger(S, bytes.AsSpan(32));
        return bytes;
    }

    /// <summary>The length of <see cref="ToDer"/>'s output.</summary>
    public int DerLength => 6 + StrictDer.IntegerLength(R) + StrictDer.IntegerLength(S);

    /// <summary>The strict DER encoding.</summary>
    public byte[] ToDer()
    {
        var bytes = new byte[DerLength];
        WriteDer(bytes);
        return bytes;
    }

    /// <summary>Writes the strict DER encoding; returns the number of bytes written.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="DerLength"/>.</exception>
    public int WriteDer(Span<byte> destination) => StrictDer.Write(R, S, destination);

    /// <inheritdoc />
    public bool Equals(EcdsaSignature other) =>
        IsDefault ? other.IsDefault : !other.IsDefault && R.Equals(other.R) && S.Equals(other.S);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is EcdsaSignature other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => IsDefault ? 0 : HashCode.Combine(R.GetHashCode(), S.GetHashCode());

    /// <summary>Lowercase hex of the DER encoding.</summary>
    public override string ToString() => IsDefault ? string.Empty : Convert.ToHexStringLower(ToDer());

    /// <summary>Whether two signatures are equal.</summary>
    public static bool operator ==(EcdsaSignature left, EcdsaSignature right) => left.Equals(right);

    /// <summary>Whether two signatures differ.</summary>
    public static bool operator !=(EcdsaSignature left, EcdsaSignature right) => !left.Equals(right);
}
