using System.Text.Json;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Keys;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Signing;
using Antimony.Primitives.Transactions;
using Antimony.Tests;

namespace Antimony.Primitives.Tests.Vectors;

/// <summary>
/// Acceptance test: the <c>keyPathSpending</c> section of BIP341's wallet-test-vectors.json, byte for byte:
/// the per-transaction sub-hashes, and for every input the signature message, signature hash and final witness.
/// </summary>
public sealed class Bip341KeyPathSpendingVectorTests
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(SharedVectors.PathOf("bip-0341_wallet-test-vectors.json"))));

    private static JsonElement Case => Document.Value.RootElement.GetProperty("keyPathSpending")[0];

    /// <summary>The position of each <c>inputSpending</c> entry, one test case each.</summary>
    public static TheoryData<int> InputSpendings()
    {
        var data = new TheoryData<int>();
        int count = Case.GetProperty("inputSpending").GetArrayLength();
        for (int i = 0; i < count; i++)
            data.Add(i);
        return data;
    }

    private static string Hex(Hash256 hash) => Convert.ToHexStringLower(hash.ToArray());

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;

    internal static Transaction UnsignedTransaction() => Transaction.ParseHex(Text(Case.GetProperty("given"), "rawUnsignedTx"));

    internal static TxOut[] SpentOutputs() =>
    [
        .. Case.GetProperty("given").GetProperty("utxosSpent").EnumerateArray().Select(utxo =>
            new TxOut(new Money(utxo.GetProperty("amountSats").GetInt64()), Script.FromHex(Text(utxo, "scriptPubKey")))),
    ];

    internal static SigHashCache Cache() => new(UnsignedTransaction(), SpentOutputs());

    [Fact]
    public void The_per_transaction_sub_hashes_match()
    {
        var cache = Cache();
        var expected = Case.GetProperty("intermediary");
        Assert.Equal(9, cache.Transaction.Inputs.Length);
        Assert.Equal(Text(expected, "hashPrevouts"), Hex(cache.ShaPrevouts));
        Assert.Equal(Text(expected, "hashAmounts"), Hex(cache.ShaAmounts));
        Assert.Equal(Text(expected, "hashScriptPubkeys"), Hex(cache.ShaScriptPubKeys));
        Assert.Equal(Text(expected, "hashSequences"), Hex(cache.ShaSequences));
        Assert.Equal(Text(expected, "hashOutputs"), Hex(cache.ShaOutputs));
    }

    [Theory]
    [MemberData(nameof(InputSpendings))]
    public void Each_input_has_the_expected_signature_message_and_hash(int spending)
    {
        var entry = Case.GetProperty("inputSpending")[spending];
        var given = entry.GetProperty("given");
        var expected = entry.GetProperty("intermediary");
        int inputIndex = given.GetProperty("txinIndex").GetInt32();
        var hashType = new SigHashType(given.GetProperty("hashType").GetByte());
        var cache = Cache();

        byte[]? message = TaprootSigHash.MessageOf(cache, inputIndex, hashType, default);
        Assert.NotNull(message);
        Assert.Equal(Text(expected, "sigMsg"), Convert.ToHexStringLower(message));

        Assert.True(cache.TryGetTaprootKeyPathHash(inputIndex, hashType, out var sigHash, out var error));
        Assert.Equal(SigHashError.None, error);
        Assert.Equal(Text(expected, "sigHash"), Hex(sigHash));
    }

    [Theory]
    [MemberData(nameof(InputSpendings))]
    public void Each_input_signs_to_the_expected_witness_with_all_zero_aux_randomness(int spending)
    {
        // BIP341's "Test vectors" section: "All signatures are created with an all-zero BIP340 auxiliary randomness array."
        var entry = Case.GetProperty("inputSpending")[spending];
        var given = entry.GetProperty("given");
        int inputIndex = given.GetProperty("txinIndex").GetInt32();
        var hashType = new SigHashType(given.GetProperty("hashType").GetByte());
        var root = given.GetProperty("merkleRoot");
        Hash256? merkleRoot = root.ValueKind == JsonValueKind.Null ? null : new Hash256(Convert.FromHexString(root.GetString()!));
        var internalKey = PrivateKey.Create(Convert.FromHexString(Text(given, "internalPrivkey")));

        var tweaked = internalKey.TweakForTaproot(merkleRoot);
        var secret = new byte[32];
        tweaked.WriteSecret(secret);
        Assert.Equal(Text(entry.GetProperty("intermediary"), "tweakedPrivkey"), Convert.ToHexStringLower(secret));

        var cache = Cache();
        Assert.True(TaprootKeySpend.TrySign(cache, inputIndex, internalKey, merkleRoot, hashType, new byte[32], out var witness, out var error), error.ToString());
        var expected = entry.GetProperty("expected").GetProperty("witness");
        Assert.Equal(expected.GetArrayLength(), witness.Count);
        Assert.Equal(expected[0].GetString(), Convert.ToHexStringLower(witness[0]));
        Assert.True(TaprootKeySpend.Verify(cache, inputIndex, witness, out error), error.ToString());
    }

    [Fact]
    public void The_fully_signed_transaction_has_our_witnesses_and_they_verify()
    {
        var signed = Transaction.ParseHex(Text(Case.GetProperty("auxiliary"), "fullySignedTx"));
        var unsigned = UnsignedTransaction();

        var signedCache = new SigHashCache(signed, SpentOutputs());
        var builder = unsigned.ToBuilder();
        foreach (var entry in Case.GetProperty("inputSpending").EnumerateArray())
        {
            int inputIndex = entry.GetProperty("given").GetProperty("txinIndex").GetInt32();
            Assert.True(InputVerifier.Verify(signedCache, inputIndex, out var error), $"input {inputIndex}: {error}");
            var witness = new Witness([.. entry.GetProperty("expected").GetProperty("witness").EnumerateArray().Select(w => (ReadOnlyMemory<byte>)Convert.FromHexString(w.GetString()!))]);
            Assert.Equal(signed.Inputs[inputIndex].Witness, witness);
            builder.SetWitness(inputIndex, witness);
        }
        // Inputs 2 (P2PKH) and 5 (P2WPKH, key not given) are signed by other means; copy them to compare the whole encoding.
        builder.SetScriptSig(2, signed.Inputs[2].ScriptSig).SetWitness(5, signed.Inputs[5].Witness);
        Assert.Equal(signed.ToHex(), builder.Build().ToHex());
        Assert.False(InputVerifier.Verify(signedCache, 2, out var p2pkh));
        Assert.Equal(SpendError.UnsupportedOutputType, p2pkh);
        // The P2WPKH input was signed by the vector's author with SIGHASH_ALL: it checks the BIP143 verifier independently.
        Assert.True(P2wpkhSpend.Verify(signedCache, 5, out var p2wpkh), p2wpkh.ToString());
    }
}
