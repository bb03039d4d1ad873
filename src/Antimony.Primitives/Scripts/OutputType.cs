namespace Antimony.Primitives.Scripts;

/// <summary>The kinds of output script Antimony v1 accepts (PROTOCOL.md, "Spendable outputs"), plus everything else.</summary>
public enum OutputType
{
    /// <summary>Any other script. An output with such a script makes its transaction invalid.</summary>
    NonStandard = 0,

    /// <summary><c>OP_1 &lt;32-byte x-only key&gt;</c>: taproot, spent by the key path only in v1 (BIP341, BIP340).</summary>
    P2tr,

    /// <summary><c>OP_0 &lt;20-byte HASH160 of a compressed key&gt;</c>: spent with an ECDSA signature (BIP143).</summary>
    P2wpkh,

    /// <summary><c>OP_RETURN</c> followed only by pushes of at most 80 bytes in total; never spendable, value must be 0.</summary>
    Data,
}
