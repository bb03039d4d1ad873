using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Coinbase;

/// <summary>
/// The BIP141 witness commitment: a coinbase output <c>OP_RETURN 0x24 0xaa21a9ed &lt;32-byte commitment&gt;</c>,
/// where the commitment is SHA-256d(witness merkle root || witness reserved value) and the reserved
/// value is the coinbase input's single 32-byte witness item.
/// </summary>
public static class WitnessCommitment
{
    /// <summary>The length of the commitment output's script prefix plus the commitment.</summary>
    public const int MinimumScriptLength = 38;

    private static ReadOnlySpan<byte> Header => [0x6a, 0x24, 0xaa, 0x21, 0xa9, 0xed];

    /// <summary>
    /// The index of the coinbase output holding the commitment, or -1. When several outputs match,
    /// BIP141 takes the one with the highest index.
    /// </summary>
    public static int FindOutput(Transaction coinbase)
    {
        ArgumentNullException.ThrowIfNull(coinbase);
        for (int i = coinbase.Outputs.Length - 1; i >= 0; i--)
        {
            var script = coinbase.Outputs[i].ScriptPubKey.Span;
            if (script.Length >= MinimumScriptLength && script.StartsWith(Header))
                return i;
        }
        return -1;
    }

    /// <summary>The commitment for <paramref name="witnessRoot"/> and <paramref name="reservedValue"/>.</summary>
    public static Hash256 Compute(Hash256 witnessRoot, ReadOnlySpan<byte> reservedValue)
    {
        Span<byte> buffer = stackalloc byte[64];
        witnessRoot.CopyTo(buffer);
        reservedValue[..32].CopyTo(buffer[32..]);
        return Sha256d.Hash(buffer);
    }

    /// <summary>The commitment output script for <paramref name="commitment"/>.</summary>
    public static Script CreateScript(Hash256 commitment)
    {
        var bytes = new byte[MinimumScriptLength];
        Header.CopyTo(bytes);
        commitment.CopyTo(bytes.AsSpan(Header.Length));
        return new Script(bytes);
    }

    /// <summary>The commitment a block's coinbase should carry, with the given reserved value.</summary>
    public static Hash256 ComputeFor(Block block, ReadOnlySpan<byte> reservedValue)
    {
        ArgumentNullException.ThrowIfNull(block);
        return Compute(block.ComputeWitnessMerkleRoot(), reservedValue);
    }

    internal static bool IsReservedValueWitness(Witness witness) => witness.Count == 1 && witness[0].Length == 32;
}
