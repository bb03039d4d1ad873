using System.Diagnostics.CodeAnalysis;

namespace Antimony.Primitives.Signing;

/// <summary>
/// The signature hash type: the byte that says which parts of a transaction a signature commits to
/// (Bitcoin's <c>SIGHASH_*</c> values, with BIP341's <c>SIGHASH_DEFAULT</c>).
/// </summary>
/// <remarks>
/// Any byte can be wrapped, because a signature read from a witness carries an arbitrary byte; whether it is
/// allowed depends on where it is used (<see cref="IsDefinedForTaproot"/>, <see cref="IsDefinedForWitnessV0"/>),
/// and the signature-hash functions refuse undefined values with <see cref="SigHashError.UndefinedHashType"/>.
/// </remarks>
public readonly struct SigHashType : IEquatable<SigHashType>, ISpanFormattable
{
    /// <summary>The flag bit that restricts the signature to its own input (BIP143, BIP341).</summary>
    public const byte AnyoneCanPayFlag = 0x80;

    private const byte OutputsMask = 0x03;

    /// <summary>Wraps a hash-type byte as it appears after a signature.</summary>
    public SigHashType(byte value) => Value = value;

    /// <summary>BIP341's <c>SIGHASH_DEFAULT</c> (0x00): commits to everything, like ALL; implied by a 64-byte Taproot signature.</summary>
    public static SigHashType Default => new(0x00);

    /// <summary><c>SIGHASH_ALL</c> (0x01): commits to all inputs and all outputs.</summary>
    public static SigHashType All => new(0x01);

    /// <summary><c>SIGHASH_NONE</c> (0x02): commits to all inputs and no output.</summary>
    public static SigHashType None => new(0x02);

    /// <summary><c>SIGHASH_SINGLE</c> (0x03): commits to all inputs and the output at the input's own index.</summary>
    public static SigHashType Single => new(0x03);

    /// <summary><c>SIGHASH_ALL|SIGHASH_ANYONECANPAY</c> (0x81): this input only, all outputs.</summary>
    public static SigHashType AllAnyoneCanPay => new(0x81);

    /// <summary><c>SIGHASH_NONE|SIGHASH_ANYONECANPAY</c> (0x82): this input only, no output.</summary>
    public static SigHashType NoneAnyoneCanPay => new(0x82);

    /// <summary><c>SIGHASH_SINGLE|SIGHASH_ANYONECANPAY</c> (0x83): this input only, the output at its index.</summary>
    public static SigHashType SingleAnyoneCanPay => new(0x83);

    /// <summary>The byte as written after a signature.</summary>
    public byte Value { get; }

    /// <summary>Whether the ANYONECANPAY flag is set: the signature commits to its own input only.</summary>
    public bool IsAnyoneCanPay => (Value & AnyoneCanPayFlag) != 0;

    /// <summary>Whether the signature commits to no output (the NONE mode).</summary>
    public bool IsNone => (Value & OutputsMask) == 0x02;

    /// <summary>Whether the signature commits only to the output at its input's index (the SINGLE mode).</summary>
    public bool IsSingle => (Value & OutputsMask) == 0x03;

    /// <summary>Whether the signature commits to every output (ALL or DEFAULT).</summary>
    public bool CommitsToAllOutputs => !IsNone && !IsSingle;

    /// <summary>
    /// Whether BIP341 allows this value: 0x00, 0x01, 0x02, 0x03, 0x81, 0x82 or 0x83. Any other value makes a
    /// Taproot signature invalid (so that the worst-case hashing work stays bounded).
    /// </summary>
    public bool IsDefinedForTaproot => Value is 0x00 or 0x01 or 0x02 or 0x03 or 0x81 or 0x82 or 0x83;

    /// <summary>
    /// Whether Antimony accepts this value in a witness v0 (P2WPKH) signature: 0x01, 0x02, 0x03, 0x81, 0x82 or 0x83.
    /// </summary>
    /// <remarks>
    /// Bitcoin's consensus accepts any byte here and only its relay policy (STRICTENC) rejects undefined ones;
    /// Antimony makes that policy a consensus rule, in line with its strict-DER and low-S requirements, so a
    /// third party cannot change a signature's byte and thereby its transaction's wtxid.
    /// </remarks>
    public bool IsDefinedForWitnessV0 => Value is 0x01 or 0x02 or 0x03 or 0x81 or 0x82 or 0x83;

    /// <summary>This type with the ANYONECANPAY flag set.</summary>
    public SigHashType WithAnyoneCanPay() => new((byte)(Value | AnyoneCanPayFlag));

    /// <summary>Wraps <paramref name="value"/> when BIP341 defines it; false (and <see cref="Default"/>) otherwise.</summary>
    public static bool TryCreateForTaproot(byte value, out SigHashType type)
    {
        type = new SigHashType(value);
        if (type.IsDefinedForTaproot)
            return true;
        type = Default;
        return false;
    }

    /// <summary>Wraps <paramref name="value"/> when it is defined for witness v0; false (and <see cref="All"/>) otherwise.</summary>
    public static bool TryCreateForWitnessV0(byte value, out SigHashType type)
    {
        type = new SigHashType(value);
        if (type.IsDefinedForWitnessV0)
            return true;
        type = All;
        return false;
    }

    /// <summary>The conventional name, e.g. <c>ALL|ANYONECANPAY</c>; undefined values print as hex.</summary>
    public override string ToString() => Value switch
    {
        0x00 => "DEFAULT",
        0x01 => "ALL",
        0x02 => "NONE",
        0x03 => "SINGLE",
        0x81 => "ALL|ANYONECANPAY",
        0x82 => "NONE|ANYONECANPAY",
        0x83 => "SINGLE|ANYONECANPAY",
        _ => $"0x{Value:x2}",
    };

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        string text = ToString();
        if (text.TryCopyTo(destination))
        {
            charsWritten = text.Length;
            return true;
        }
        charsWritten = 0;
        return false;
    }

    /// <inheritdoc />
    public bool Equals(SigHashType other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is SigHashType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value;

    /// <summary>Whether two types are the same byte.</summary>
    public static bool operator ==(SigHashType left, SigHashType right) => left.Equals(right);

    /// <summary>Whether two types differ.</summary>
    public static bool operator !=(SigHashType left, SigHashType right) => !left.Equals(right);
}
