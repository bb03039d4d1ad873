using System.Buffers;
using System.Collections.Immutable;
using System.Security.Cryptography;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Serialization;
using Antimony.Primitives.Transactions;

namespace Antimony.Primitives.Signing;

/// <summary>
/// The per-transaction parts of the BIP341 and BIP143 signature hashes, computed once so that hashing every
/// input of a transaction costs O(n) instead of O(n²) (the quadratic-hashing problem BIP143 fixed, CVE-2013-2292).
/// Create one per transaction to sign or verify, then ask it for each input's hash.
/// </summary>
/// <remarks>
/// Witnesses are not part of any signature hash, so one cache stays valid while signatures are attached to the
/// transaction's inputs. The BIP143 values are double SHA-256 of the same data the BIP341 values hash once, so
/// each is one extra SHA-256 of the BIP341 value (as Bitcoin Core computes them). Immutable and thread-safe.
/// </remarks>
public sealed class SigHashCache
{
    /// <summary>Starts a cache for <paramref name="transaction"/>, which spends <paramref name="spentOutputs"/> in input order.</summary>
    /// <param name="transaction">The transaction being signed or verified (its witnesses are ignored).</param>
    /// <param name="spentOutputs">The output each input spends, in input order: BIP341 commits to all their amounts and scripts.</param>
    /// <exception cref="ArgumentException">The number of spent outputs differs from the number of inputs.</exception>
    public SigHashCache(Transaction transaction, IReadOnlyList<TxOut> spentOutputs)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(spentOutputs);
        if (spentOutputs.Count != transaction.Inputs.Length)
            throw new ArgumentException($"The transaction has {transaction.Inputs.Length} inputs but {spentOutputs.Count} spent outputs were given.", nameof(spentOutputs));
        Transaction = transaction;
        SpentOutputs = [.. spentOutputs];

        var inputs = transaction.Inputs.AsSpan();
        var spent = SpentOutputs.AsSpan();
        var outputs = transaction.Outputs.AsSpan();
        int scriptsSize = 0;
        foreach (ref readonly var output in spent)
            scriptsSize += CompactSize.SizeOf((ulong)output.ScriptPubKey.Length) + output.ScriptPubKey.Length;
        int outputsSize = 0;
        foreach (ref readonly var output in outputs)
            outputsSize += output.SerializedSize;
        int largest = Math.Max(Math.Max(inputs.Length * OutPoint.Size, scriptsSize), outputsSize);

        byte[] rented = ArrayPool<byte>.Shared.Rent(Math.Max(largest, 1));
        try
        {
            var writer = new ConsensusWriter(rented);
            foreach (ref readonly var input in inputs)
                input.PreviousOutput.Write(ref writer);
            ShaPrevouts = Sha256(writer.Written);

            writer = new ConsensusWriter(rented);
            foreach (ref readonly var output in spent)
                writer.WriteInt64(output.Value.Atoms);
            ShaAmounts = Sha256(writer.Written);

            writer = new ConsensusWriter(rented);
            foreach (ref readonly var output in spent)
                writer.WriteLengthPrefixed(output.ScriptPubKey.Span);
            ShaScriptPubKeys = Sha256(writer.Written);

            writer = new ConsensusWriter(rented);
            foreach (ref readonly var input in inputs)
                writer.WriteUInt32(input.Sequence);
            ShaSequences = Sha256(writer.Written);

            writer = new ConsensusWriter(rented);
            foreach (ref readonly var output in outputs)
                output.Write(ref writer);
            ShaOutputs = Sha256(writer.Written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        HashPrevouts = Sha256Again(ShaPrevouts);
        HashSequences = Sha256Again(ShaSequences);
        HashOutputs = Sha256Again(ShaOutputs);
    }

    /// <summary>The transaction the hashes are for.</summary>
    public Transaction Transaction { get; }

    /// <summary>The outputs the inputs spend, in input order.</summary>
    public ImmutableArray<TxOut> SpentOutputs { get; }

    /// <summary>BIP341 <c>sha_prevouts</c>: SHA-256 of every input's outpoint.</summary>
    public Hash256 ShaPrevouts { get; }

    /// <summary>BIP341 <c>sha_amounts</c>: SHA-256 of every spent output's amount (8 bytes, little-endian).</summary>
    public Hash256 ShaAmounts { get; }

    /// <summary>BIP341 <c>sha_scriptpubkeys</c>: SHA-256 of every spent output's script, each length-prefixed.</summary>
    public Hash256 ShaScriptPubKeys { get; }

    /// <summary>BIP341 <c>sha_sequences</c>: SHA-256 of every input's sequence number.</summary>
    public Hash256 ShaSequences { get; }

    /// <summary>BIP341 <c>sha_outputs</c>: SHA-256 of every output in its transaction encoding.</summary>
    public Hash256 ShaOutputs { get; }

    /// <summary>BIP143 <c>hashPrevouts</c>: double SHA-256 of every input's outpoint.</summary>
    public Hash256 HashPrevouts { get; }

    /// <summary>BIP143 <c>hashSequence</c>: double SHA-256 of every input's sequence number.</summary>
    public Hash256 HashSequences { get; }

    /// <summary>BIP143 <c>hashOutputs</c> for ALL: double SHA-256 of every output.</summary>
    public Hash256 HashOutputs { get; }

    /// <summary>
    /// The BIP341 key-path signature hash of input <paramref name="inputIndex"/>:
    /// <c>hash_TapSighash(0x00 || SigMsg(hash_type, 0))</c>.
    /// </summary>
    /// <param name="inputIndex">The input being signed or verified.</param>
    /// <param name="hashType">One of BIP341's seven hash types.</param>
    /// <param name="annex">The input's annex including its 0x50 marker, or empty when the witness has none.</param>
    /// <param name="sigHash">The hash to sign or verify against, when the result is true.</param>
    /// <param name="error">Why no hash exists, when the result is false.</param>
    public bool TryGetTaprootKeyPathHash(int inputIndex, SigHashType hashType, ReadOnlySpan<byte> annex, out Hash256 sigHash, out SigHashError error) =>
        TaprootSigHash.TryCompute(this, inputIndex, hashType, annex, out sigHash, out error);

    /// <summary>The BIP341 key-path signature hash of an input without annex; see the overload with an annex.</summary>
    public bool TryGetTaprootKeyPathHash(int inputIndex, SigHashType hashType, out Hash256 sigHash, out SigHashError error) =>
        TaprootSigHash.TryCompute(this, inputIndex, hashType, default, out sigHash, out error);

    /// <summary>
    /// The BIP143 signature hash of a P2WPKH input (scriptCode <c>0x1976a914{keyHash}88ac</c>).
    /// </summary>
    /// <param name="inputIndex">The input being signed or verified.</param>
    /// <param name="keyHash">The output's 20-byte program: HASH160 of the compressed public key.</param>
    /// <param name="hashType">One of the six witness v0 hash types.</param>
    /// <param name="sigHash">The hash to sign or verify against, when the result is true.</param>
    /// <param name="error">Why no hash exists, when the result is false.</param>
    /// <remarks>
    /// SIGHASH_SINGLE on an input without a matching output is computed as BIP143 specifies (a zero
    /// <c>hashOutputs</c>), so that verification matches Bitcoin's; a signer should not produce such signatures.
    /// </remarks>
    public bool TryGetP2wpkhHash(int inputIndex, Hash160 keyHash, SigHashType hashType, out Hash256 sigHash, out SigHashError error)
    {
        Span<byte> scriptCode = stackalloc byte[WitnessV0SigHash.P2wpkhScriptCodeSize];
        WitnessV0SigHash.WriteP2wpkhScriptCode(keyHash, scriptCode);
        return WitnessV0SigHash.TryCompute(this, inputIndex, scriptCode, hashType, out sigHash, out error);
    }

    /// <summary>BIP341 <c>sha_single_output</c>: SHA-256 of one output in its transaction encoding (BIP143 hashes it once more for SINGLE).</summary>
    internal static Hash256 ShaOutput(in TxOut output)
    {
        int size = output.SerializedSize;
        byte[]? rented = null;
        Span<byte> buffer = size <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(size));
        try
        {
            var writer = new ConsensusWriter(buffer[..size]);
            output.Write(ref writer);
            Span<byte> digest = stackalloc byte[Hash256.Size];
            SHA256.HashData(writer.Written, digest);
            return new Hash256(digest);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The second SHA-256 that turns a BIP341 single hash into the BIP143 double hash of the same data.</summary>
    private static Hash256 Sha256Again(Hash256 first) => Sha256(Hash256.AsBytes(in first));

    private static Hash256 Sha256(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[Hash256.Size];
        SHA256.HashData(data, digest);
        return new Hash256(digest);
    }
}
