using System.Buffers;
using System.Security.Cryptography;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Serialization;

namespace Antimony.Primitives.Signing;

/// <summary>
/// BIP143's signature hash for witness version 0: double SHA-256 of a fixed-layout preimage whose
/// per-transaction parts (<c>hashPrevouts</c>, <c>hashSequence</c>, <c>hashOutputs</c>) come from a <see cref="SigHashCache"/>.
/// </summary>
internal static class WitnessV0SigHash
{
    /// <summary>The size of a P2WPKH scriptCode with its length byte: <c>0x19 76 a9 14 {20} 88 ac</c>.</summary>
    internal const int P2wpkhScriptCodeSize = 26;

    private const int StackLimit = 256;

    /// <summary>
    /// Writes the P2WPKH scriptCode BIP143 prescribes, <c>0x1976a914{keyHash}88ac</c> (the P2PKH script of the key
    /// hash, already length-prefixed as "a script inside a CTxOut").
    /// </summary>
    internal static void WriteP2wpkhScriptCode(Hash160 keyHash, Span<byte> destination)
    {
        destination[0] = 0x19; // length of the 25-byte script
        destination[1] = 0x76; // OP_DUP
        destination[2] = 0xa9; // OP_HASH160
        destination[3] = 0x14; // push 20 bytes
        keyHash.CopyTo(destination[4..24]);
        destination[24] = 0x88; // OP_EQUALVERIFY
        destination[25] = 0xac; // OP_CHECKSIG
    }

    /// <summary>
    /// Computes the BIP143 hash for a scriptCode given with its length prefix. General enough for BIP143's P2WSH
    /// examples, though Antimony v1 spends only P2WPKH through it.
    /// </summary>
    internal static bool TryCompute(SigHashCache cache, int inputIndex, ReadOnlySpan<byte> prefixedScriptCode, SigHashType hashType, out Hash256 sigHash, out SigHashError error)
    {
        sigHash = default;
        var tx = cache.Transaction;
        if ((uint)inputIndex >= (uint)tx.Inputs.Length)
        {
            error = SigHashError.InputIndexOutOfRange;
            return false;
        }
        if (!hashType.IsDefinedForWitnessV0)
        {
            error = SigHashError.UndefinedHashType;
            return false;
        }

        // Unlike BIP341, BIP143 zeroes the parts a hash type excludes instead of leaving them out.
        var hashPrevouts = hashType.IsAnyoneCanPay ? Hash256.Zero : cache.HashPrevouts;
        var hashSequence = hashType.IsAnyoneCanPay || !hashType.CommitsToAllOutputs ? Hash256.Zero : cache.HashSequences;
        Hash256 hashOutputs;
        if (hashType.CommitsToAllOutputs)
            hashOutputs = cache.HashOutputs;
        else if (hashType.IsSingle && inputIndex < tx.Outputs.Length)
        {
            var single = SigHashCache.ShaOutput(tx.Outputs.ItemRef(inputIndex));
            hashOutputs = Sha256(Hash256.AsBytes(in single));
        }
        else
        {
            // NONE, or SINGLE without a matching output: BIP143 commits to zero here (where the legacy algorithm
            // signed the constant 1), so such a signature covers no output at all.
            hashOutputs = Hash256.Zero;
        }

        ref readonly var input = ref tx.Inputs.ItemRef(inputIndex);
        int size = 4 + 32 + 32 + 36 + prefixedScriptCode.Length + 8 + 4 + 32 + 4 + 4;
        byte[]? rented = null;
        Span<byte> buffer = size <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(size));
        try
        {
            var writer = new ConsensusWriter(buffer[..size]);
            writer.WriteInt32(tx.Version);
            writer.WriteHash256(hashPrevouts);
            writer.WriteHash256(hashSequence);
            input.PreviousOutput.Write(ref writer);
            writer.WriteBytes(prefixedScriptCode);
            writer.WriteInt64(cache.SpentOutputs.ItemRef(inputIndex).Value.Atoms);
            writer.WriteUInt32(input.Sequence);
            writer.WriteHash256(hashOutputs);
            writer.WriteUInt32(tx.LockTime);
            writer.WriteUInt32(hashType.Value); // the hash type as a 4-byte little-endian integer
            sigHash = Sha256d.Hash(writer.Written);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented);
        }
        error = SigHashError.None;
        return true;
    }

    private static Hash256 Sha256(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[Hash256.Size];
        SHA256.HashData(data, digest);
        return new Hash256(digest);
    }
}
