using System.Buffers.Binary;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Keys;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Signing;
using Antimony.Primitives.Transactions;

namespace Antimony.Testing.Chains;

/// <summary>
/// Deterministic keys derived from a seed (SHA-256d of seed and index), each owning one P2TR key-path output
/// script (BIP341 tweak with no script tree). Test keys only: the seed is public by construction.
/// </summary>
public sealed class TestKeyring
{
    private readonly Dictionary<Script, PrivateKey> _owners = [];
    private readonly List<Script> _scripts = [];

    /// <summary>Derives <paramref name="count"/> keys from <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    public TestKeyring(int seed, int count = 4)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Span<byte> material = stackalloc byte[8];
        for (int i = 0; _scripts.Count < count; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(material, seed);
            BinaryPrimitives.WriteInt32LittleEndian(material[4..], i);
            // A hash is a valid secret with overwhelming probability; TryCreate skips the rare zero or >= n.
            if (!PrivateKey.TryCreate(Sha256d.Hash(material).ToArray(), out var key))
                continue;
            var script = ScriptPubKey.P2tr(key.XOnlyPublicKey.Tweak(null).Key.Bytes).Script;
            _owners[script] = key;
            _scripts.Add(script);
        }
    }

    /// <summary>The P2TR output scripts the keys own, in derivation order.</summary>
    public IReadOnlyList<Script> Scripts => _scripts;

    /// <summary>Whether a key of this ring can spend <paramref name="script"/>.</summary>
    public bool Owns(Script script) => _owners.ContainsKey(script);

    /// <summary>
    /// Signs every input whose spent output this ring owns (BIP341 key path, SIGHASH_DEFAULT, deterministic); other inputs keep
    /// their witness. <paramref name="spentOutputs"/> lists the outputs spent by each input, in order.
    /// </summary>
    /// <exception cref="InvalidOperationException">Signing failed (the spent outputs do not match the inputs).</exception>
    public Transaction Sign(Transaction unsigned, IReadOnlyList<TxOut> spentOutputs)
    {
        ArgumentNullException.ThrowIfNull(unsigned);
        ArgumentNullException.ThrowIfNull(spentOutputs);
        var cache = new SigHashCache(unsigned, spentOutputs);
        var builder = unsigned.ToBuilder();
        for (int i = 0; i < spentOutputs.Count; i++)
        {
            if (!_owners.TryGetValue(spentOutputs[i].ScriptPubKey, out var key))
                continue;
            // Determinism over the recommended fresh randomness: BIP340 allows any auxiliary data; here a hash of the
            // unsigned transaction and the input index, so that the same calls always give the same signatures.
            var txid = unsigned.Txid.Value;
            var aux = Sha256d.Hash([.. Hash256.AsBytes(in txid), (byte)i, (byte)(i >> 8)]);
            if (!TaprootKeySpend.TrySign(cache, i, key, null, SigHashType.Default, Hash256.AsBytes(in aux), out var witness, out var error))
                throw new InvalidOperationException($"Cannot sign input {i}: {error}");
            builder.SetWitness(i, witness);
        }
        return builder.Build();
    }
}
