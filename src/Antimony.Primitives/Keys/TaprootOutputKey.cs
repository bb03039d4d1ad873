namespace Antimony.Primitives.Keys;

/// <summary>
/// A BIP341 output key: the tweaked x-only key that goes into a P2TR script, and the parity of its
/// full point's Y coordinate (the bit a script-path control block carries).
/// </summary>
/// <param name="Key">The output key Q (x-only).</param>
/// <param name="HasOddY">Whether Q's Y coordinate is odd (BIP341's parity 1).</param>
public readonly record struct TaprootOutputKey(XOnlyPublicKey Key, bool HasOddY);
