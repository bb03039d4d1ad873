using System.Numerics;
using Antimony.Mining.Search;
using Antimony.Primitives.Hashing;

namespace Antimony.Mining.Tests.Search;

/// <summary>
/// Each kernel path against the definition. CI runs this category three times (normally, with
/// DOTNET_EnableAVX512=0, with DOTNET_EnableAVX2=0), so every path is exercised in some run; in a
/// run where a path is missing its tests check that it refuses to run and is never the best path.
/// </summary>
[Trait("Category", "Simd")]
public class NonceSearchPathTests
{
    /// <summary>A random header, a random first nonce (often near the top of the nonce space) and a count.</summary>
    private static Arbitrary<(byte[] Header, uint Start, int Count)> Runs(int maxCount) =>
        Arb.From(
            from seed in Gen.Choose(0, int.MaxValue)
            from high in Gen.Elements(true, false)
            from start in Gen.Choose(0, int.MaxValue)
            from count in Gen.Choose(0, maxCount)
            select (RandomHeader(seed), high ? uint.MaxValue - (uint)start % 1000 : (uint)start * 2u, count));

    /// <summary>Easy targets: roughly one nonce in 2^shift meets them, with random lower bits.</summary>
    private static Gen<byte[]> EasyTargets =>
        from shift in Gen.Choose(1, 6)
        from seed in Gen.Choose(0, int.MaxValue)
        select ReferenceMiner.ToTarget((BigInteger.One << (256 - shift)) - 1 - new BigInteger(seed));

    public static TheoryData<Sha256Path> Paths => new(Enum.GetValues<Sha256Path>());

    [Property(MaxTest = 200)]
    public Property Scalar_hashes_match_the_platform() => HashesMatchPlatform(Sha256Path.Scalar);

    [Property(MaxTest = 200)]
    public Property Vector256_hashes_match_the_platform() => HashesMatchPlatform(Sha256Path.Vector256);

    [Property(MaxTest = 200)]
    public Property Vector256_avx512_hashes_match_the_platform() => HashesMatchPlatform(Sha256Path.Vector256Avx512);

    [Property(MaxTest = 200)]
    public Property Vector512_hashes_match_the_platform() => HashesMatchPlatform(Sha256Path.Vector512);

    [Property(MaxTest = 200)]
    public Property Scalar_search_finds_what_the_reference_finds() => SearchMatchesReference(Sha256Path.Scalar);

    [Property(MaxTest = 200)]
    public Property Vector256_search_finds_what_the_reference_finds() => SearchMatchesReference(Sha256Path.Vector256);

    [Property(MaxTest = 200)]
    public Property Vector256_avx512_search_finds_what_the_reference_finds() => SearchMatchesReference(Sha256Path.Vector256Avx512);

    [Property(MaxTest = 200)]
    public Property Vector512_search_finds_what_the_reference_finds() => SearchMatchesReference(Sha256Path.Vector512);

    [Theory]
    [MemberData(nameof(Paths))]
    public void A_target_equal_to_a_hash_accepts_it_and_one_less_rejects_it(Sha256Path path)
    {
        if (!NonceSearch.IsAvailable(path))
        {
            AssertRefused(path);
            return;
        }
        // Same top word in both targets, so the decision falls to the full comparison of a candidate.
        byte[] header = RandomHeader(path.GetHashCode() + 7);
        const uint nonce = 12345;
        var hash = ReferenceMiner.AsNumber(ReferenceMiner.BlockHash(ReferenceMiner.HeaderWithNonce(header, nonce)));
        var exact = NonceSearch.Search(path, new HeaderTemplate(header, ReferenceMiner.ToTarget(hash)), nonce - 20, nonce + 20UL);
        var below = NonceSearch.Search(path, new HeaderTemplate(header, ReferenceMiner.ToTarget(hash - 1)), nonce - 20, nonce + 20UL);
        Assert.Contains(nonce, exact.Nonces);
        Assert.DoesNotContain(nonce, below.Nonces);
    }

    [Fact]
    public void The_best_path_is_available_and_the_widest_available()
    {
        Assert.True(NonceSearch.IsAvailable(NonceSearch.BestPath));
        foreach (var path in Enum.GetValues<Sha256Path>().Where(NonceSearch.IsAvailable))
            Assert.True(Sha256Lanes.WidthOf(NonceSearch.BestPath) >= Sha256Lanes.WidthOf(path));
    }

    [Fact]
    public void A_cancelled_search_stops_before_hashing_and_says_so()
    {
        var template = new HeaderTemplate(RandomHeader(1), new byte[32]);
        var result = NonceSearch.Search(template, 0, 1UL << 32, new CancellationToken(canceled: true));
        Assert.True(result.Cancelled);
        Assert.Equal(0UL, result.HashesComputed);
        Assert.Empty(result.Nonces);
    }

    [Fact]
    public void Bad_ranges_and_templates_are_rejected()
    {
        var template = new HeaderTemplate(RandomHeader(2), new byte[32]);
        Assert.Throws<ArgumentOutOfRangeException>(() => NonceSearch.Search(template, 10, 9));
        Assert.Throws<ArgumentOutOfRangeException>(() => NonceSearch.Search(template, 0, (1UL << 32) + 1));
        Assert.Throws<ArgumentException>(() => NonceSearch.Search(default(HeaderTemplate), 0, 1));
        Assert.Throws<ArgumentException>(() => new HeaderTemplate(new byte[79], new byte[32]));
        Assert.Throws<ArgumentException>(() => new HeaderTemplate(new byte[80], new byte[31]));
    }

    private static Property HashesMatchPlatform(Sha256Path path)
    {
        if (!NonceSearch.IsAvailable(path))
            return Refused(path);
        return Prop.ForAll(Runs(70), run =>
        {
            var template = new HeaderTemplate(run.Header, new byte[32]);
            var hashes = new Hash256[run.Count];
            NonceSearch.HashNonces(path, template, run.Start, hashes);
            bool all = Enumerable.Range(0, run.Count).All(i =>
                hashes[i] == new Hash256(ReferenceMiner.BlockHash(ReferenceMiner.HeaderWithNonce(run.Header, run.Start + (uint)i))));
            return all.Label($"{path}: {run.Count} nonces from {run.Start}");
        });
    }

    private static Property SearchMatchesReference(Sha256Path path)
    {
        if (!NonceSearch.IsAvailable(path))
            return Refused(path);
        return Prop.ForAll(Runs(300), Arb.From(EasyTargets), (run, target) =>
        {
            ulong end = Math.Min((ulong)run.Start + (ulong)run.Count, 1UL << 32);
            var expected = ReferenceMiner.Search(run.Header, target, run.Start, end);
            var result = NonceSearch.Search(path, new HeaderTemplate(run.Header, target), run.Start, end);
            return (result.Nonces.SequenceEqual(expected) && result.HashesComputed == end - run.Start && !result.Cancelled)
                .Label($"{path}: [{run.Start}, {end}) expected {expected.Count} hits, got {result.Nonces.Count}");
        });
    }

    private static Property Refused(Sha256Path path)
    {
        AssertRefused(path);
        return true.ToProperty().Label($"{path} unavailable here: refused, and the dispatcher picks {NonceSearch.BestPath}");
    }

    private static void AssertRefused(Sha256Path path)
    {
        var template = new HeaderTemplate(RandomHeader(3), new byte[32]);
        Assert.NotEqual(path, NonceSearch.BestPath);
        Assert.True(NonceSearch.IsAvailable(NonceSearch.BestPath));
        Assert.Throws<PlatformNotSupportedException>(() => NonceSearch.Search(path, template, 0, 100));
        Assert.Throws<PlatformNotSupportedException>(() => NonceSearch.HashNonces(path, template, 0, new Hash256[16]));
    }

    private static byte[] RandomHeader(int seed)
    {
        var header = new byte[80];
        new Random(seed).NextBytes(header);
        return header;
    }
}
