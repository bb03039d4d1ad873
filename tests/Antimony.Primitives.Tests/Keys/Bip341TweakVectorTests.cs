using System.Text.Json;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Keys;
using Antimony.Tests;

namespace Antimony.Primitives.Tests.Keys;

/// <summary>BIP341's wallet-test-vectors.json: public-key tweaks (scriptPubKey section) and secret-key tweaks (keyPathSpending).</summary>
public class Bip341TweakVectorTests
{
    private static JsonDocument Vectors() =>
        JsonDocument.Parse(File.ReadAllText(SharedVectors.PathOf("bip-0341_wallet-test-vectors.json")));

    private static Hash256? Root(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? null : new Hash256(Convert.FromHexString(element.GetString()!));

    [Fact]
    public void Every_scriptPubKey_vector_tweaks_the_internal_key_to_the_expected_output_key()
    {
        using var doc = Vectors();
        int count = 0;
        foreach (var vector in doc.RootElement.GetProperty("scriptPubKey").EnumerateArray())
        {
            var internalKey = XOnlyPublicKey.Parse(Convert.FromHexString(vector.GetProperty("given").GetProperty("internalPubkey").GetString()!));
            var intermediary = vector.GetProperty("intermediary");
            Hash256? root = Root(intermediary.GetProperty("merkleRoot"));

            Hash256 tweak = TaprootTweak.Hash(internalKey, root);
            Assert.Equal(intermediary.GetProperty("tweak").GetString(), Convert.ToHexStringLower(tweak.ToArray()));

            var output = internalKey.Tweak(root);
            Assert.Equal(intermediary.GetProperty("tweakedPubkey").GetString(), output.Key.ToString());
            string scriptPubKey = vector.GetProperty("expected").GetProperty("scriptPubKey").GetString()!;
            Assert.Equal("5120" + output.Key, scriptPubKey);
            count++;
        }
        Assert.Equal(7, count);
    }

    [Fact]
    public void Every_keyPathSpending_input_tweaks_the_secret_key_to_the_expected_one_and_matches_the_public_tweak()
    {
        using var doc = Vectors();
        int count = 0;
        foreach (var input in doc.RootElement.GetProperty("keyPathSpending")[0].GetProperty("inputSpending").EnumerateArray())
        {
            var given = input.GetProperty("given");
            var intermediary = input.GetProperty("intermediary");
            var key = PrivateKey.Create(Convert.FromHexString(given.GetProperty("internalPrivkey").GetString()!));
            Hash256? root = Root(given.GetProperty("merkleRoot"));
            Assert.Equal(intermediary.GetProperty("internalPubkey").GetString(), key.XOnlyPublicKey.ToString());

            var tweaked = key.TweakForTaproot(root);
            var secret = new byte[32];
            tweaked.WriteSecret(secret);
            Assert.Equal(intermediary.GetProperty("tweakedPrivkey").GetString(), Convert.ToHexStringLower(secret));
            Assert.Equal(key.XOnlyPublicKey.Tweak(root).Key, tweaked.XOnlyPublicKey);

            // The expected witness is a BIP340 signature with all-zero aux randomness over sigHash (+ a hashtype byte unless default).
            var sigHash = new Hash256(Convert.FromHexString(intermediary.GetProperty("sigHash").GetString()!));
            byte[] witness = Convert.FromHexString(input.GetProperty("expected").GetProperty("witness")[0].GetString()!);
            var signature = tweaked.SignSchnorr(Hash256.AsBytes(in sigHash), new byte[32]);
            Assert.Equal(Convert.ToHexString(witness.AsSpan(0, 64)), Convert.ToHexString(signature.Bytes));
            Assert.True(tweaked.XOnlyPublicKey.Verify(sigHash, signature));
            count++;
        }
        Assert.Equal(7, count);
    }
}
