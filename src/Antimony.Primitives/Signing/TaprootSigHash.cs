using System.Buffers;
using System.Security.Cryptography;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Serialization;
using Antimony.Primitives.Transactions;

namespace Antimony.Primitives.Signing;

/// <summary>
/// BIP341's common signature message <c>SigMsg(hash_type, ext_flag = 0)</c> for key-path spending, and its
/// hash <c>hash_TapSighash(0x00 || SigMsg)</c>. The per-transaction sub-hashes come from a <see cref="SigHashCache"/>.
/// </summary>
internal static class TaprootSigHash
{
    /// <summary>BIP341's annex marker: the first byte of a last witness item that is an annex.</summary>
    internal const byte AnnexTag = 0x50;

    /// <summary>The sighash epoch BIP341 prefixes to the message, reserved for future invasive changes.</summary>
    private const byte Epoch = 0x00;

    /// <summary>Messages this small (every one whose spent script is of ordinary size) are built on the stack.</summary>
    private const int StackLimit = 256;

    /// <summary>The annex of a witness per BIP341: the last item when there are at least two and it starts with 0x50; else empty.</summary>
    internal static ReadOnlySpan<byte> AnnexOf(Witness witness)
    {
        if (witness.Count < 2)
            return default;
        var last = witness[witness.Count - 1];
        return last.Length > 0 && last[0] == AnnexTag ? last : default;
    }

    /// <summary>Checks the BIP341 restrictions on the parameters; <see cref="SigHashError.None"/> when a message exists.</summary>
    internal static SigHashError Validate(SigHashCache cache, int inputIndex, SigHashType hashType, ReadOnlySpan<byte> annex)
    {
        var tx = cache.Transaction;
        if ((uint)inputIndex >= (uint)tx.Inputs.Length)
            return SigHashError.InputIndexOutOfRange;
        if (!hashType.IsDefinedForTaproot)
            return SigHashError.UndefinedHashType;
        if (hashType.IsSingle && inputIndex >= tx.Outputs.Length)
            return SigHashError.SingleWithoutOutput;
        if (!annex.IsEmpty && annex[0] != AnnexTag)
            return SigHashError.InvalidAnnex;
        return SigHashError.None;
    }

    /// <summary>Computes the signature hash, or says why the parameters admit none.</summary>
    internal static bool TryCompute(SigHashCache cache, int inputIndex, SigHashType hashType, ReadOnlySpan<byte> annex, out Hash256 sigHash, out SigHashError error)
    {
        sigHash = default;
        error = Validate(cache, inputIndex, hashType, annex);
        if (error != SigHashError.None)
            return false;

        int size = MessageSize(cache, inputIndex, hashType, !annex.IsEmpty);
        byte[]? rented = null;
        Span<byte> buffer = size <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(size));
        try
        {
            var writer = new ConsensusWriter(buffer[..size]);
            WriteMessage(ref writer, cache, inputIndex, hashType, annex);
            sigHash = HashTag.TapSighash.Hash(writer.Written);
            return true;
        }
        finally
        {
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The message <c>0x00 || SigMsg</c> as a new array (for tests and diagnostics), or null when the parameters are invalid.</summary>
    internal static byte[]? MessageOf(SigHashCache cache, int inputIndex, SigHashType hashType, ReadOnlySpan<byte> annex)
    {
        if (Validate(cache, inputIndex, hashType, annex) != SigHashError.None)
            return null;
        var message = new byte[MessageSize(cache, inputIndex, hashType, !annex.IsEmpty)];
        var writer = new ConsensusWriter(message);
        WriteMessage(ref writer, cache, inputIndex, hashType, annex);
        return message;
    }

    /// <summary>
    /// The size of <c>0x00 || SigMsg</c>: BIP341's <c>174 - 49·anyonecanpay - 32·none + 32·annex</c> plus the epoch
    /// byte, where the 35-byte spent script of a Taproot output is generalised to any script's encoded length.
    /// </summary>
    private static int MessageSize(SigHashCache cache, int inputIndex, SigHashType hashType, bool hasAnnex)
    {
        int size = 1 + 1 + 4 + 4 + 1; // epoch, hash_type, nVersion, nLockTime, spend_type
        if (!hashType.IsAnyoneCanPay)
            size += 4 * Hash256.Size + 4; // sha_prevouts, sha_amounts, sha_scriptpubkeys, sha_sequences; input_index
        else
        {
            var script = cache.SpentOutputs[inputIndex].ScriptPubKey;
            size += OutPoint.Size + 8 + CompactSize.SizeOf((ulong)script.Length) + script.Length + 4;
        }
        if (hashType.CommitsToAllOutputs)
            size += Hash256.Size; // sha_outputs
        if (hasAnnex)
            size += Hash256.Size; // sha_annex
        if (hashType.IsSingle)
            size += Hash256.Size; // sha_single_output
        return size;
    }

    /// <summary>Writes <c>0x00 || SigMsg(hash_type, 0)</c> in BIP341's order: control, transaction data, this input, this output.</summary>
    private static void WriteMessage(ref ConsensusWriter writer, SigHashCache cache, int inputIndex, SigHashType hashType, ReadOnlySpan<byte> annex)
    {
        var tx = cache.Transaction;
        writer.WriteByte(Epoch);
        writer.WriteByte(hashType.Value);
        writer.WriteInt32(tx.Version);
        writer.WriteUInt32(tx.LockTime);
        if (!hashType.IsAnyoneCanPay)
        {
            writer.WriteHash256(cache.ShaPrevouts);
            writer.WriteHash256(cache.ShaAmounts);
            writer.WriteHash256(cache.ShaScriptPubKeys);
            writer.WriteHash256(cache.ShaSequences);
        }
        if (hashType.CommitsToAllOutputs)
            writer.WriteHash256(cache.ShaOutputs);

        // spend_type = ext_flag * 2 + annex_present; ext_flag is 0 for key-path spending (BIP342 uses 1).
        writer.WriteByte(annex.IsEmpty ? (byte)0 : (byte)1);
        ref readonly var input = ref tx.Inputs.ItemRef(inputIndex);
        if (hashType.IsAnyoneCanPay)
        {
            ref readonly var spent = ref cache.SpentOutputs.ItemRef(inputIndex);
            input.PreviousOutput.Write(ref writer);
            writer.WriteInt64(spent.Value.Atoms);
            writer.WriteLengthPrefixed(spent.ScriptPubKey.Span);
            writer.WriteUInt32(input.Sequence);
        }
        else
        {
            writer.WriteUInt32((uint)inputIndex);
        }
        if (!annex.IsEmpty)
            writer.WriteHash256(ShaAnnex(annex));

        if (hashType.IsSingle)
            writer.WriteHash256(SigHashCache.ShaOutput(tx.Outputs.ItemRef(inputIndex)));
    }

    /// <summary>BIP341 <c>sha_annex</c>: SHA-256 of the annex with its compact-size length prefix.</summary>
    private static Hash256 ShaAnnex(ReadOnlySpan<byte> annex)
    {
        Span<byte> prefix = stackalloc byte[9];
        var writer = new ConsensusWriter(prefix);
        writer.WriteCompactSize((ulong)annex.Length);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(writer.Written);
        sha.AppendData(annex);
        Span<byte> digest = stackalloc byte[Hash256.Size];
        sha.GetHashAndReset(digest);
        return new Hash256(digest);
    }
}
