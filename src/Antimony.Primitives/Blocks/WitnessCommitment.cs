using Antimony.Primitives.Amounts;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;

namespace Antimony.Primitives.Blocks;

/// <summary>
/// BIP141's witness commitment: <c>SHA-256d(witness merkle root || witness reserved value)</c>, carried in a
/// coinbase output whose script is <c>OP_RETURN OP_PUSHBYTES_36 aa21a9ed &lt;commitment&gt;</c>. It binds the
/// wtxids (and so every witness) to the block header through the coinbase's txid.
/// </summary>
/// <remarks>
/// The reserved value is the single 32-byte item of the coinbase input's witness (zero by convention); the
/// coinbase's own wtxid counts as zero in the witness tree, since its witness is what the commitment hashes.
/// When several outputs carry the pattern, the last one counts (BIP141).
/// </remarks>
/// <param name="Value">The committed hash, in the byte order it has in the script.</param>
public readonly record struct WitnessCommitment(Hash256 Value)
{
    /// <summary>The length of a commitment script: 6 header bytes and the 32-byte hash (BIP141's minimum).</summary>
    public const int ScriptLength = 38;

    /// <summary>The script prefix: <c>OP_RETURN</c>, a 36-byte push, and the tag <c>aa21a9ed</c>.</summary>
    public static ReadOnlySpan<byte> ScriptPrefix => [0x6a, 0x24, 0xaa, 0x21, 0xa9, 0xed];

    /// <summary>The commitment to <paramref name="witnessRoot"/> with <paramref name="reservedValue"/>.</summary>
    public static WitnessCommitment Compute(Hash256 witnessRoot, Hash256 reservedValue)
    {
        Span<byte> preimage = stackalloc byte[2 * Hash256.Size];
        witnessRoot.CopyTo(preimage);
        reservedValue.CopyTo(preimage[Hash256.Size..]);
        return new WitnessCommitment(Sha256d.Hash(preimage));
    }

    /// <summary>The commitment <paramref name="block"/>'s coinbase should carry, given the reserved value.</summary>
    public static WitnessCommitment Compute(Block block, Hash256 reservedValue)
    {
        ArgumentNullException.ThrowIfNull(block);
        return Compute(block.ComputeWitnessMerkleRoot(), reservedValue);
    }

    /// <summary>Whether <paramref name="script"/> is a commitment output script: at least 38 bytes starting with <see cref="ScriptPrefix"/>.</summary>
    public static bool IsCommitmentScript(ReadOnlySpan<byte> script) =>
        script.Length >= ScriptLength && script.StartsWith(ScriptPrefix);

    /// <summary>The index of the output holding the commitment (the last that matches), or -1.</summary>
    public static int FindOutputIndex(Transaction coinbase)
    {
        ArgumentNullException.ThrowIfNull(coinbase);
        var outputs = coinbase.Outputs.AsSpan();
        for (int i = outputs.Length - 1; i >= 0; i--)
        {
            if (IsCommitmentScript(outputs[i].ScriptPubKey.Span))
                return i;
        }
        return -1;
    }

    /// <summary>Reads the commitment from <paramref name="coinbase"/>'s outputs; false when it has none.</summary>
    public static bool TryFind(Transaction coinbase, out WitnessCommitment commitment)
    {
        int index = FindOutputIndex(coinbase);
        commitment = index < 0 ? default
            : new WitnessCommitment(new Hash256(coinbase.Outputs[index].ScriptPubKey.Span.Slice(ScriptPrefix.Length, Hash256.Size)));
        return index >= 0;
    }

    /// <summary>
    /// Reads the witness reserved value: the coinbase's first input's witness must be exactly one 32-byte item.
    /// </summary>
    public static bool TryGetReservedValue(Transaction coinbase, out Hash256 reservedValue)
    {
        ArgumentNullException.ThrowIfNull(coinbase);
        reservedValue = default;
        if (coinbase.Inputs.IsEmpty)
            return false;
        var witness = coinbase.Inputs[0].Witness;
        if (witness.Count != 1 || witness[0].Length != Hash256.Size)
            return false;
        reservedValue = new Hash256(witness[0]);
        return true;
    }

    /// <summary>
    /// Checks <paramref name="block"/>'s witness commitment as Bitcoin Core does: a commitment needs a 32-byte
    /// reserved value and must match; without one, no transaction may carry witness data.
    /// </summary>
    public static WitnessCommitmentStatus Check(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (block.Transactions.IsEmpty)
            return WitnessCommitmentStatus.NoCoinbase;
        var coinbase = block.Transactions[0];
        if (!TryFind(coinbase, out var committed))
        {
            foreach (var transaction in block.Transactions)
            {
                if (transaction.HasWitness)
                    return WitnessCommitmentStatus.Missing;
            }
            return WitnessCommitmentStatus.NotRequired;
        }
        if (!TryGetReservedValue(coinbase, out var reservedValue))
            return WitnessCommitmentStatus.BadReservedValue;
        return Compute(block, reservedValue) == committed ? WitnessCommitmentStatus.Valid : WitnessCommitmentStatus.Mismatch;
    }

    /// <summary>The 38-byte output script carrying this commitment.</summary>
    public Script ToScript()
    {
        var bytes = new byte[ScriptLength];
        ScriptPrefix.CopyTo(bytes);
        Value.CopyTo(bytes.AsSpan(ScriptPrefix.Length));
        return new Script(bytes);
    }

    /// <summary>The zero-value coinbase output carrying this commitment.</summary>
    public TxOut ToOutput() => new(Money.Zero, ToScript());

    /// <summary>The committed hash as hex, in script byte order.</summary>
    public override string ToString() => Convert.ToHexStringLower(Value.ToArray());
}
