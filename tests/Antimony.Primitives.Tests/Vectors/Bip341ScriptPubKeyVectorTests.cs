using System.Text.Json;
using Antimony.Primitives.Addresses;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Keys;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Serialization;
using Antimony.Tests;

namespace Antimony.Primitives.Tests.Vectors;

/// <summary>
/// Acceptance test: the <c>scriptPubKey</c> section of BIP341's wallet-test-vectors.json. From the internal key and
/// the script tree given in the JSON, compute leaf hashes, merkle root, tweak, output key, script, the mainnet
/// bech32m address (HRP <c>bc</c>) and the script-path control blocks, and compare each with the expected value.
/// </summary>
public sealed class Bip341ScriptPubKeyVectorTests
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(SharedVectors.PathOf("bip-0341_wallet-test-vectors.json"))));

    private static JsonElement Vector(int index) => Document.Value.RootElement.GetProperty("scriptPubKey")[index];

    /// <summary>One test case per vector.</summary>
    public static TheoryData<int> Vectors()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Document.Value.RootElement.GetProperty("scriptPubKey").GetArrayLength(); i++)
            data.Add(i);
        return data;
    }

    private static string Hex(Hash256 hash) => Convert.ToHexStringLower(hash.ToArray());

    /// <summary>A leaf reached in the tree: its id in the JSON, version, hash and merkle path (sibling hashes, bottom up).</summary>
    private sealed record Leaf(int Id, byte Version, Hash256 Hash, List<Hash256> Path);

    /// <summary>
    /// BIP341's <c>taproot_tree_helper</c>: a JSON object is a leaf, a two-element array a branch whose hash is
    /// <c>hash_TapBranch</c> of its children's hashes in ascending byte order.
    /// </summary>
    private static (List<Leaf> Leaves, Hash256 Hash) Walk(JsonElement node)
    {
        if (node.ValueKind == JsonValueKind.Object)
        {
            byte version = node.GetProperty("leafVersion").GetByte();
            byte[] script = Convert.FromHexString(node.GetProperty("script").GetString()!);
            byte[] leaf = new byte[1 + CompactSize.SizeOf((ulong)script.Length) + script.Length];
            var writer = new ConsensusWriter(leaf);
            writer.WriteByte(version);
            writer.WriteLengthPrefixed(script);
            var hash = HashTag.TapLeaf.Hash(leaf);
            return ([new Leaf(node.GetProperty("id").GetInt32(), version, hash, [])], hash);
        }
        Assert.Equal(2, node.GetArrayLength());
        var (left, leftHash) = Walk(node[0]);
        var (right, rightHash) = Walk(node[1]);
        foreach (var l in left)
            l.Path.Add(rightHash);
        foreach (var r in right)
            r.Path.Add(leftHash);
        bool ordered = Hash256.AsBytes(in leftHash).SequenceCompareTo(Hash256.AsBytes(in rightHash)) <= 0;
        var branch = ordered
            ? HashTag.TapBranch.Hash(Hash256.AsBytes(in leftHash), Hash256.AsBytes(in rightHash))
            : HashTag.TapBranch.Hash(Hash256.AsBytes(in rightHash), Hash256.AsBytes(in leftHash));
        return ([.. left, .. right], branch);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Each_vector_gives_the_expected_output_script_and_address(int index)
    {
        var vector = Vector(index);
        var given = vector.GetProperty("given");
        var intermediary = vector.GetProperty("intermediary");
        var expected = vector.GetProperty("expected");
        var internalKey = XOnlyPublicKey.Parse(Convert.FromHexString(given.GetProperty("internalPubkey").GetString()!));

        var tree = given.GetProperty("scriptTree");
        List<Leaf> leaves = [];
        Hash256? merkleRoot = null;
        if (tree.ValueKind != JsonValueKind.Null)
        {
            (leaves, var root) = Walk(tree);
            merkleRoot = root;
            leaves.Sort((a, b) => a.Id.CompareTo(b.Id));
            Assert.Equal(
                intermediary.GetProperty("leafHashes").EnumerateArray().Select(h => h.GetString()),
                leaves.Select(l => Hex(l.Hash)));
            Assert.Equal(intermediary.GetProperty("merkleRoot").GetString(), Hex(root));
        }
        else
        {
            Assert.Equal(JsonValueKind.Null, intermediary.GetProperty("merkleRoot").ValueKind);
        }

        var output = internalKey.Tweak(merkleRoot);
        Assert.Equal(intermediary.GetProperty("tweakedPubkey").GetString(), output.Key.ToString());
        var script = ScriptPubKey.P2tr(output.Key.Bytes);
        Assert.Equal(expected.GetProperty("scriptPubKey").GetString(), script.Script.ToString());
        Assert.Equal(OutputType.P2tr, ScriptPubKey.Classify(script.Script.Span));

        string address = expected.GetProperty("bip350Address").GetString()!;
        Assert.Equal(address, SegwitAddress.FromScript(script.Script, "bc").ToString());
        Assert.Equal(script.Script, SegwitAddress.Parse(address, "bc").ToScript());

        // Control block: (leaf version | parity of Q's Y) || internal key || merkle path (BIP341 taproot_sign_script).
        if (expected.TryGetProperty("scriptPathControlBlocks", out var controlBlocks))
        {
            Assert.Equal(controlBlocks.GetArrayLength(), leaves.Count);
            for (int i = 0; i < leaves.Count; i++)
            {
                byte first = (byte)(leaves[i].Version | (output.HasOddY ? 1 : 0));
                string ours = Convert.ToHexStringLower([first, .. internalKey.Bytes, .. leaves[i].Path.SelectMany(h => h.ToArray())]);
                Assert.Equal(controlBlocks[i].GetString(), ours);
            }
        }
    }

    [Fact]
    public void The_file_has_the_seven_vectors_the_bip_publishes()
    {
        Assert.Equal(7, Document.Value.RootElement.GetProperty("scriptPubKey").GetArrayLength());
        Assert.Equal(7, Bip341KeyPathSpendingVectorTests.InputSpendings().Count);
    }
}
