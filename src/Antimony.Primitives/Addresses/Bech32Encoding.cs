namespace Antimony.Primitives.Addresses;

/// <summary>Which checksum a bech32 string carries: they differ only in the constant the checksum is XORed with.</summary>
public enum Bech32Encoding
{
    /// <summary>BIP173 bech32 (constant 1): witness version 0 addresses.</summary>
    Bech32 = 1,

    /// <summary>BIP350 bech32m (constant 0x2bc830a3): witness version 1 to 16 addresses.</summary>
    Bech32m = 2,
}
