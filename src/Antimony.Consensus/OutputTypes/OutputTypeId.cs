namespace Antimony.Consensus.OutputTypes;

/// <summary>
/// The name of a consensus output type, the key under which its verifier is registered. Unlike the
/// Primitives' closed <c>Scripts.OutputType</c> enum, a bespoke network can mint new ones.
/// </summary>
/// <param name="Name">A short stable name, e.g. <c>p2tr</c>.</param>
public readonly record struct OutputTypeId(string Name)
{
    /// <summary>Pay-to-taproot, key path only in v1: <c>OP_1 &lt;32-byte x-only key&gt;</c>.</summary>
    public static OutputTypeId TaprootKeyPath { get; } = new("p2tr");

    /// <summary>Pay-to-witness-public-key-hash: <c>OP_0 &lt;20-byte key hash&gt;</c>.</summary>
    public static OutputTypeId WitnessV0KeyHash { get; } = new("p2wpkh");

    /// <summary>Unspendable data carrier: <c>OP_RETURN</c> and at most 80 bytes of pushes.</summary>
    public static OutputTypeId Data { get; } = new("data");

    /// <summary>The name.</summary>
    public override string ToString() => Name;
}
