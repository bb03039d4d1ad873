using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Antimony.Primitives.Hashing;

namespace Antimony.Primitives.Tests.Hashing;

/// <summary>
/// Every multi-lane path must agree with SHA-256d as the platform computes it. CI re-runs this
/// category with AVX-512 and AVX2 switched off, so each path is exercised in some run and the
/// tests of missing paths check that they refuse to run and are never picked.
/// </summary>
[Trait("Category", "Simd")]
public class Sha256BatchTests
{
    private static Arbitrary<(int Count, int Seed)> Levels =>
        Arb.From(from count in Gen.Choose(0, 100) from seed in Gen.Choose(0, int.MaxValue) select (count, seed));

    [Property(MaxTest = 200)]
    public Property Scalar_pairs_match_the_definition() => PairsMatchDefinition(Sha256Path.Scalar);

    [Property(MaxTest = 200)]
    public Property Vector256_pairs_match_the_definition_or_the_path_is_refused() => PairsMatchDefinition(Sha256Path.Vector256);

    [Property(MaxTest = 200)]
    public Property Vector256_avx512_pairs_match_the_definition_or_the_path_is_refused() => PairsMatchDefinition(Sha256Path.Vector256Avx512);

    [Property(MaxTest = 200)]
    public Property Vector512_pairs_match_the_definition_or_the_path_is_refused() => PairsMatchDefinition(Sha256Path.Vector512);

    [Property(MaxTest = 100)]
    public Property Default_HashPairs_matches_the_definition() =>
        Prop.ForAll(Levels, level =>
        {
            var children = RandomHashes(2 * level.Count, level.Seed);
            var parents = new Hash256[level.Count];
            Sha256d.HashPairs(children, parents);
            return parents.AsSpan().SequenceEqual(Definition(children)).Label($"{level.Count} pairs on {Sha256Lanes.BestPath}");
        });

    [Fact]
    public void The_best_path_is_available_and_at_least_as_wide_as_every_available_path()
    {
        Assert.True(Sha256Lanes.IsAvailable(Sha256Lanes.BestPath));
        Assert.True(Sha256Lanes.IsAvailable(Sha256Path.Scalar));
        foreach (var path in Enum.GetValues<Sha256Path>())
        {
            if (Sha256Lanes.IsAvailable(path))
                Assert.True(Sha256Lanes.WidthOf(Sha256Lanes.BestPath) >= Sha256Lanes.WidthOf(path), $"{path} is wider than the best path");
        }
    }

    [Fact]
    public void Mismatched_lengths_are_rejected()
    {
        var children = new Hash256[3];
        var parents = new Hash256[2];
        Assert.Throws<ArgumentException>(() => Sha256d.HashPairs(children, parents));
    }

    [Fact]
    public void A_known_merkle_pair_hashes_to_bitcoin_block_170s_root()
    {
        // Block 170 (the first bitcoin transfer) has two transactions; its merkle root is their pair hash.
        var children = new[]
        {
            Hash256.Parse("b1fea52486ce0c62bb442b530a3f0132b826c74e473d1f2c220bfa78111c5082"),
            Hash256.Parse("f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16"),
        };
        var parents = new Hash256[1];
        foreach (var path in Enum.GetValues<Sha256Path>().Where(Sha256Lanes.IsAvailable))
        {
            Sha256Batch.HashPairs(children, parents, path);
            Assert.Equal("7dac2c5666815c17a3b36427de37bb9d2e2c5ccec3f8633eb91a4205cb4c10ff", parents[0].ToString());
        }
    }

    private static Property PairsMatchDefinition(Sha256Path path)
    {
        if (!Sha256Lanes.IsAvailable(path))
        {
            // The path is missing here (CPU or DOTNET_Enable* switch): it must refuse, and never be chosen.
            bool refused = false;
            try
            {
                Sha256Batch.HashPairs(new Hash256[32], new Hash256[16], path);
            }
            catch (PlatformNotSupportedException)
            {
                refused = true;
            }
            return (refused && Sha256Lanes.BestPath != path).ToProperty().Label($"{path} unavailable: refused and not best");
        }
        return Prop.ForAll(Levels, level =>
        {
            var children = RandomHashes(2 * level.Count, level.Seed);
            var parents = new Hash256[level.Count];
            Sha256Batch.HashPairs(children, parents, path);
            return parents.AsSpan().SequenceEqual(Definition(children)).Label($"{level.Count} pairs on {path}");
        });
    }

    private static Hash256[] RandomHashes(int count, int seed)
    {
        var hashes = new Hash256[count];
        new Random(seed).NextBytes(MemoryMarshal.AsBytes(hashes.AsSpan()));
        return hashes;
    }

    private static Hash256[] Definition(Hash256[] children)
    {
        var parents = new Hash256[children.Length / 2];
        for (int i = 0; i < parents.Length; i++)
        {
            byte[] once = SHA256.HashData(MemoryMarshal.AsBytes(children.AsSpan(2 * i, 2)));
            parents[i] = new Hash256(SHA256.HashData(once));
        }
        return parents;
    }
}
