using Antimony.Primitives.Hashing;
using Antimony.Primitives.Scripts;

namespace Antimony.Primitives.Signing;

/// <summary>
/// Recognises the two spendable signature-checked output scripts by their exact bytes:
/// P2TR <c>OP_1 0x20 &lt;32-byte key&gt;</c> and P2WPKH <c>OP_0 0x14 &lt;20-byte key hash&gt;</c> (BIP141, BIP341).
/// </summary>
internal static class WitnessProgram
{
    private const byte Op0 = 0x00;
    private const byte Op1 = 0x51;

    /// <summary>The 32-byte output key of a P2TR script; false for any other script.</summary>
    internal static bool TryGetTaprootKey(Script script, out ReadOnlySpan<byte> outputKey)
    {
        var bytes = script.Span;
        bool match = bytes.Length == 34 && bytes[0] == Op1 && bytes[1] == 0x20;
        outputKey = match ? bytes[2..] : default;
        return match;
    }

    /// <summary>The 20-byte key hash of a P2WPKH script; false for any other script.</summary>
    internal static bool TryGetKeyHash(Script script, out Hash160 keyHash)
    {
        var bytes = script.Span;
        bool match = bytes.Length == 22 && bytes[0] == Op0 && bytes[1] == 0x14;
        keyHash = match ? new Hash160(bytes[2..]) : default;
        return match;
    }
}
