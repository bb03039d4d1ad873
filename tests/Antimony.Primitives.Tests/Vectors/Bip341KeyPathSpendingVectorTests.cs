using System.Text.Json;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Hashing;
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
}
