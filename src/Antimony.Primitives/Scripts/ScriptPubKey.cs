using Antimony.Primitives.Hashing;

namespace Antimony.Primitives.Scripts;

/// <summary>
/// An output script together with the output type it was recognised as: the first-class form of
/// PROTOCOL.md's spendable outputs. Build one with <see cref="P2tr"/>, <see cref="P2wpkh(Hash160)"/> or
/// <see cref="Data(ReadOnlySpan{byte})"/>, or classify any script with <see cref="Recognise"/>.
/// </summary>
/// <remarks>
/// <para>Recognition is by exact template: P2TR is the 34 bytes <c>51 20 &lt;32&gt;</c>, P2WPKH the 22 bytes
/// <c>00 14 &lt;20&gt;</c>. Whether a P2TR key is on the curve is not checked here (Bitcoin does not check it
/// for outputs either; such an output is simply unspendable).</para>
/// <para>A data output is <c>OP_RETURN</c> followed only by push operations (OP_0, direct pushes 0x01-0x4b,
/// OP_PUSHDATA1/2/4, OP_1NEGATE, OP_1-OP_16; OP_RESERVED is not a push, unlike in Bitcoin Core's
/// <c>IsPushOnly</c>). Pushes count by the bytes they put on the stack: OP_0 counts 0, OP_1NEGATE and
/// OP_1-OP_16 count 1 (the one-byte number they push), any other push counts its length; encoding overhead
/// does not count. Pushes need not be minimal. The total is at most <see cref="MaxDataBytes"/> (80) and the
/// whole script at most <see cref="MaxDataScriptSize"/> (83 bytes, Bitcoin Core's old <c>-datacarriersize</c>
/// default), the second limit bounding scripts of many empty pushes. A truncated push makes the script
/// <see cref="OutputType.NonStandard"/>.</para>
/// </remarks>
public readonly struct ScriptPubKey : IEquatable<ScriptPubKey>
{
    /// <summary>The most data a data output carries, counted as the remarks describe.</summary>
    public const int MaxDataBytes = 80;

    /// <summary>The largest data output script: OP_RETURN, OP_PUSHDATA1, a length byte and 80 bytes.</summary>
    public const int MaxDataScriptSize = 83;

    /// <summary>The size of a P2TR script.</summary>
    public const int P2trSize = 34;

    /// <summary>The size of a P2WPKH script.</summary>
    public const int P2wpkhSize = 22;

    /// <summary>The length of an x-only public key.</summary>
    public const int XOnlyKeySize = 32;

    private ScriptPubKey(Script script, OutputType type)
    {
        Script = script;
        Type = type;
    }

    /// <summary>The script bytes.</summary>
    public Script Script { get; }

    /// <summary>What kind of output the script is.</summary>
    public OutputType Type { get; }

    /// <summary>Whether the output can ever be spent (P2TR or P2WPKH).</summary>
    public bool IsSpendable => Type is OutputType.P2tr or OutputType.P2wpkh;

    /// <summary>Classifies <paramref name="script"/>; never throws.</summary>
    public static ScriptPubKey Recognise(Script script) => new(script, Classify(script.Span));

    /// <summary>Classifies raw script bytes; never throws.</summary>
    public static OutputType Classify(ReadOnlySpan<byte> script)
    {
        if (script.Length == P2trSize && script[0] == (byte)OpCode.Op1 && script[1] == XOnlyKeySize)
            return OutputType.P2tr;
        if (script.Length == P2wpkhSize && script[0] == (byte)OpCode.Op0 && script[1] == Hash160.Size)
            return OutputType.P2wpkh;
        if (script.Length is > 0 and <= MaxDataScriptSize && script[0] == (byte)OpCode.Return
            && TryMeasureData(script, out int total) && total <= MaxDataBytes)
            return OutputType.Data;
        return OutputType.NonStandard;
    }

    /// <summary>The 32-byte x-only output key of a P2TR output (the tweaked key, BIP341).</summary>
    /// <exception cref="InvalidOperationException">The output is not P2TR.</exception>
    public ReadOnlySpan<byte> TaprootKey =>
        Type == OutputType.P2tr ? Script.Span[2..] : throw new InvalidOperationException($"A {Type} output has no taproot key.");

    /// <summary>The 20-byte key hash of a P2WPKH output.</summary>
    /// <exception cref="InvalidOperationException">The output is not P2WPKH.</exception>
    public Hash160 KeyHash =>
        Type == OutputType.P2wpkh ? new Hash160(Script.Span[2..]) : throw new InvalidOperationException($"A {Type} output has no key hash.");

    /// <summary>The values a data output pushes, in order (OP_0 as empty, OP_n as its one byte).</summary>
    /// <exception cref="InvalidOperationException">The output is not a data output.</exception>
    public IReadOnlyList<ReadOnlyMemory<byte>> GetDataPushes()
    {
        if (Type != OutputType.Data)
            throw new InvalidOperationException($"A {Type} output has no data pushes.");
        var pushes = new List<ReadOnlyMemory<byte>>();
        ReadOnlySpan<byte> span = Script.Span;
        int position = 1;
        while (position < span.Length)
        {
            ScriptPush.TryRead(span, ref position, out var data, out int smallNumber);
            // A push's data ends where the push ends, so it can be sliced from the script without copying.
            pushes.Add(smallNumber >= 0 ? new[] { (byte)smallNumber } : Script.Memory.Slice(position - data.Length, data.Length));
        }
        return pushes;
    }

    /// <summary>A P2TR output paying to a 32-byte x-only output key: <c>OP_1 0x20 &lt;key&gt;</c>.</summary>
    /// <exception cref="ArgumentException">The key is not 32 bytes.</exception>
    public static ScriptPubKey P2tr(ReadOnlySpan<byte> xOnlyKey)
    {
        if (xOnlyKey.Length != XOnlyKeySize)
            throw new ArgumentException($"An x-only key is {XOnlyKeySize} bytes; got {xOnlyKey.Length}.", nameof(xOnlyKey));
        var bytes = new byte[P2trSize];
        bytes[0] = (byte)OpCode.Op1;
        bytes[1] = XOnlyKeySize;
        xOnlyKey.CopyTo(bytes.AsSpan(2));
        return new ScriptPubKey(new Script(bytes), OutputType.P2tr);
    }

    /// <summary>A P2WPKH output paying to a key hash: <c>OP_0 0x14 &lt;HASH160(compressed key)&gt;</c>.</summary>
    public static ScriptPubKey P2wpkh(Hash160 keyHash)
    {
        var bytes = new byte[P2wpkhSize];
        bytes[0] = (byte)OpCode.Op0;
        bytes[1] = Hash160.Size;
        keyHash.CopyTo(bytes.AsSpan(2));
        return new ScriptPubKey(new Script(bytes), OutputType.P2wpkh);
    }

    /// <summary>A P2WPKH output from 20 raw key-hash bytes.</summary>
    /// <exception cref="ArgumentException">Not 20 bytes.</exception>
    public static ScriptPubKey P2wpkh(ReadOnlySpan<byte> keyHash) => P2wpkh(new Hash160(keyHash));

    /// <summary>A data output with one minimal push of <paramref name="data"/> (<c>OP_RETURN OP_0</c> when it is empty).</summary>
    /// <exception cref="ArgumentException">More than 80 bytes.</exception>
    public static ScriptPubKey Data(ReadOnlySpan<byte> data) => DataWithPushes([data.ToArray()]);

    /// <summary>A data output pushing each value with its minimal push, in order; no pushes gives a bare <c>OP_RETURN</c>.</summary>
    /// <exception cref="ArgumentException">The pushes total more than 80 bytes or the script would exceed 83 bytes.</exception>
    public static ScriptPubKey DataWithPushes(params ReadOnlySpan<ReadOnlyMemory<byte>> pushes)
    {
        int total = 0, size = 1;
        foreach (var push in pushes)
        {
            total += push.Length;
            size += ScriptPush.MinimalSize(push.Span);
        }
        if (total > MaxDataBytes || size > MaxDataScriptSize)
            throw new ArgumentException(
                $"A data output carries at most {MaxDataBytes} bytes in at most {MaxDataScriptSize} script bytes; got {total} in {size}.", nameof(pushes));
        var bytes = new byte[size];
        bytes[0] = (byte)OpCode.Return;
        int position = 1;
        foreach (var push in pushes)
            position += ScriptPush.WriteMinimal(push.Span, bytes.AsSpan(position));
        return new ScriptPubKey(new Script(bytes), OutputType.Data);
    }

    /// <summary>The script as lowercase hex.</summary>
    public override string ToString() => Script.ToString();

    /// <inheritdoc />
    public bool Equals(ScriptPubKey other) => Script.Equals(other.Script);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ScriptPubKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Script.GetHashCode();

    /// <summary>Whether the scripts are byte-equal (the type follows from the bytes).</summary>
    public static bool operator ==(ScriptPubKey left, ScriptPubKey right) => left.Equals(right);

    /// <summary>Whether the scripts differ.</summary>
    public static bool operator !=(ScriptPubKey left, ScriptPubKey right) => !left.Equals(right);

    // Sums the bytes pushed after OP_RETURN; false when anything but a well-formed push follows.
    private static bool TryMeasureData(ReadOnlySpan<byte> script, out int total)
    {
        total = 0;
        int position = 1;
        while (position < script.Length)
        {
            if (!ScriptPush.TryRead(script, ref position, out var data, out int smallNumber))
                return false;
            total += smallNumber >= 0 ? 1 : data.Length;
        }
        return true;
    }
}
