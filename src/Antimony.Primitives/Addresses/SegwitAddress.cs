using System.Diagnostics.CodeAnalysis;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Networks;
using Antimony.Primitives.Scripts;

namespace Antimony.Primitives.Addresses;

/// <summary>
/// A native segwit address: a network's HRP, a witness version (0-16) and a witness program (2-40 bytes),
/// written in bech32 for version 0 (BIP173) and bech32m for versions 1-16 (BIP350).
/// </summary>
/// <remarks>
/// Every version BIP350 allows is representable, because wallets must be able to pay future versions;
/// whether an Antimony output may use the script is <see cref="ScriptPubKey"/>'s rule (only P2TR and P2WPKH
/// are spendable in v1). Parsing checks rules in the reference decoder's order (HRP, data, padding, program
/// length, version, v0 length, checksum variant), so each BIP vector fails with its stated reason.
/// The default value is not an address (empty HRP and program).
/// </remarks>
public readonly struct SegwitAddress : IEquatable<SegwitAddress>
{
    /// <summary>The shortest witness program.</summary>
    public const int MinProgramLength = 2;

    /// <summary>The longest witness program.</summary>
    public const int MaxProgramLength = 40;

    /// <summary>The highest witness version.</summary>
    public const int MaxWitnessVersion = 16;

    private readonly string? _hrp;
    private readonly byte[]? _program;

    /// <summary>Creates an address, checking every segwit rule.</summary>
    /// <exception cref="AddressException">The HRP, version or program breaks a rule; <see cref="AddressException.Error"/> says which.</exception>
    public SegwitAddress(string hrp, int witnessVersion, ReadOnlySpan<byte> program)
    {
        var error = Validate(hrp, witnessVersion, program.Length);
        if (error != AddressError.None)
            throw new AddressException(error, "Not a valid segwit address.");
        _hrp = hrp;
        WitnessVersion = witnessVersion;
        _program = program.ToArray();
    }

    /// <summary>Creates an address for <paramref name="network"/>.</summary>
    /// <exception cref="AddressException">The version or program breaks a rule.</exception>
    public SegwitAddress(Network network, int witnessVersion, ReadOnlySpan<byte> program)
        : this(NotNull(network).Bech32Hrp, witnessVersion, program)
    {
    }

    /// <summary>The human-readable part, lowercase.</summary>
    public string Hrp => _hrp ?? "";

    /// <summary>The witness version, 0 to 16.</summary>
    public int WitnessVersion { get; }

    /// <summary>The witness program.</summary>
    public ReadOnlySpan<byte> Program => _program;

    /// <summary>The checksum this address is written with: bech32 for version 0, bech32m otherwise (BIP350).</summary>
    public Bech32Encoding Encoding => WitnessVersion == 0 ? Bech32Encoding.Bech32 : Bech32Encoding.Bech32m;

    /// <summary>The P2WPKH address of a key hash.</summary>
    public static SegwitAddress P2wpkh(Hash160 keyHash, Network network) => new(network, 0, keyHash.ToArray());

    /// <summary>The P2TR address of a 32-byte x-only output key.</summary>
    /// <exception cref="AddressException">The key is not 32 bytes (<see cref="AddressError.InvalidProgramLength"/> when outside 2-40).</exception>
    public static SegwitAddress P2tr(ReadOnlySpan<byte> xOnlyKey, Network network)
    {
        if (xOnlyKey.Length != ScriptPubKey.XOnlyKeySize)
            throw new AddressException(AddressError.InvalidProgramLength, $"An x-only key is {ScriptPubKey.XOnlyKeySize} bytes.");
        return new SegwitAddress(network, 1, xOnlyKey);
    }

    /// <summary>Parses an address and checks that it belongs to <paramref name="network"/>.</summary>
    /// <exception cref="AddressException">Not a valid address for the network.</exception>
    public static SegwitAddress Parse(string address, Network network) => Parse(address, NotNull(network).Bech32Hrp);

    /// <summary>Parses an address and checks its HRP is <paramref name="expectedHrp"/> (e.g. <c>bc</c> for BIP test vectors).</summary>
    /// <exception cref="AddressException">Not a valid address with that HRP.</exception>
    public static SegwitAddress Parse(string address, string expectedHrp) =>
        TryParse(address, expectedHrp, out var result, out var error)
            ? result
            : throw new AddressException(error, $"Not a valid segwit address for HRP '{expectedHrp}'.");

    /// <summary>Parses an address for <paramref name="network"/>; false when invalid.</summary>
    public static bool TryParse([NotNullWhen(true)] string? address, Network network, out SegwitAddress result) =>
        TryParse(address, NotNull(network).Bech32Hrp, out result, out _);

    /// <summary>Parses an address for <paramref name="network"/>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse([NotNullWhen(true)] string? address, Network network, out SegwitAddress result, out AddressError error) =>
        TryParse(address, NotNull(network).Bech32Hrp, out result, out error);

    /// <summary>Parses an address with HRP <paramref name="expectedHrp"/>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(
        [NotNullWhen(true)] string? address, string expectedHrp, out SegwitAddress result, out AddressError error)
    {
        result = default;
        if (!Bech32.TryDecode(address, out string hrp, out byte[] values, out var encoding, out error))
            return false;
        if (!string.Equals(hrp, expectedHrp, StringComparison.OrdinalIgnoreCase))
            error = AddressError.WrongHrp;
        else if (values.Length == 0)
            error = AddressError.EmptyData;
        else if (Bech32.TryFromBase32(values.AsSpan(1), out byte[] program, out error))
        {
            int version = values[0];
            error = Validate(hrp, version, program.Length);
            if (error == AddressError.None && encoding != (version == 0 ? Bech32Encoding.Bech32 : Bech32Encoding.Bech32m))
                error = AddressError.WrongEncodingForVersion;
            if (error == AddressError.None)
                result = new SegwitAddress(program, hrp, version);
        }
        return error == AddressError.None;
    }

    /// <summary>The output script: <c>OP_n</c> (0x00 for version 0, 0x50 + n otherwise) and one push of the program.</summary>
    public Script ToScript()
    {
        var bytes = new byte[2 + Program.Length];
        bytes[0] = WitnessVersion == 0 ? (byte)OpCode.Op0 : (byte)((byte)OpCode.Op1 + WitnessVersion - 1);
        bytes[1] = (byte)Program.Length;
        Program.CopyTo(bytes.AsSpan(2));
        return new Script(bytes);
    }

    /// <summary>The address of a witness-program script on <paramref name="network"/>.</summary>
    /// <exception cref="AddressException">The script is not a valid witness program.</exception>
    public static SegwitAddress FromScript(Script script, Network network) => FromScript(script, NotNull(network).Bech32Hrp);

    /// <summary>The address of a witness-program script with HRP <paramref name="hrp"/>.</summary>
    /// <exception cref="AddressException">The script is not a valid witness program.</exception>
    public static SegwitAddress FromScript(Script script, string hrp) =>
        TryFromScript(script, hrp, out var address, out var error)
            ? address
            : throw new AddressException(error, "The script has no segwit address.");

    /// <summary>The address of a witness-program script; false (with the reason) when the script is not one.</summary>
    public static bool TryFromScript(Script script, string hrp, out SegwitAddress address, out AddressError error)
    {
        address = default;
        ReadOnlySpan<byte> s = script.Span;
        // BIP141: a version opcode then a single direct push of 2-40 bytes, and nothing else.
        bool isProgram = s.Length is >= 2 + MinProgramLength and <= 2 + MaxProgramLength
            && (s[0] == (byte)OpCode.Op0 || s[0] is >= (byte)OpCode.Op1 and <= (byte)OpCode.Op16)
            && s[1] == s.Length - 2;
        if (!isProgram)
        {
            error = AddressError.NotWitnessProgram;
            return false;
        }
        int version = s[0] == (byte)OpCode.Op0 ? 0 : s[0] - (byte)OpCode.Op1 + 1;
        error = Validate(hrp, version, s.Length - 2);
        if (error != AddressError.None)
            return false;
        address = new SegwitAddress(s[2..].ToArray(), hrp, version);
        return true;
    }

    /// <summary>The address in lowercase bech32 (version 0) or bech32m (versions 1-16); empty for the default value.</summary>
    public override string ToString() =>
        _hrp is null ? "" : Bech32.Encode(_hrp, ToValues(), Encoding);

    /// <inheritdoc />
    public bool Equals(SegwitAddress other) =>
        Hrp == other.Hrp && WitnessVersion == other.WitnessVersion && Program.SequenceEqual(other.Program);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SegwitAddress other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Hrp, StringComparer.Ordinal);
        hash.Add(WitnessVersion);
        hash.AddBytes(Program);
        return hash.ToHashCode();
    }

    /// <summary>Whether the addresses are equal.</summary>
    public static bool operator ==(SegwitAddress left, SegwitAddress right) => left.Equals(right);

    /// <summary>Whether the addresses differ.</summary>
    public static bool operator !=(SegwitAddress left, SegwitAddress right) => !left.Equals(right);

    // For values already validated; takes ownership of the program array.
    private SegwitAddress(byte[] program, string hrp, int version)
    {
        _hrp = hrp;
        WitnessVersion = version;
        _program = program;
    }

    private byte[] ToValues()
    {
        byte[] program = Bech32.ToBase32(Program);
        var values = new byte[1 + program.Length];
        values[0] = (byte)WitnessVersion;
        program.CopyTo(values, 1);
        return values;
    }

    // The segwit rules other than the checksum variant, in the reference decoder's order.
    private static AddressError Validate(string? hrp, int version, int programLength)
    {
        if (string.IsNullOrEmpty(hrp) || hrp.Any(c => c is < (char)33 or > (char)126 or (>= 'A' and <= 'Z')))
            return AddressError.InvalidHrpCharacter;
        if (programLength is < MinProgramLength or > MaxProgramLength)
            return AddressError.InvalidProgramLength;
        if (version is < 0 or > MaxWitnessVersion)
            return AddressError.InvalidWitnessVersion;
        if (version == 0 && programLength is not (20 or 32))
            return AddressError.InvalidProgramLengthForVersion0;
        // 1 version character, the program in 5-bit groups, the separator and the checksum.
        int length = hrp.Length + 1 + 1 + (programLength * 8 + 4) / 5 + Bech32.ChecksumLength;
        return length > Bech32.MaxLength ? AddressError.TooLong : AddressError.None;
    }

    private static Network NotNull(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return network;
    }
}
