using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Antimony.Primitives.Hashing;
using BenchmarkDotNet.Attributes;

namespace Antimony.Benchmarks.Hashing;

/// <summary>
/// One merkle level of 2,048 leaves (1,024 SHA-256d pair hashes): <see cref="Sha256d.HashPairs"/> on each
/// path against a loop of <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/> twice per pair.
/// </summary>
[MemoryDiagnoser]
public class MerkleLevelBenchmarks
{
    private const int Leaves = 2048;
    private readonly Hash256[] _children = new Hash256[Leaves];
    private readonly Hash256[] _parents = new Hash256[Leaves / 2];

    [GlobalSetup]
    public void Setup() => new Random(7).NextBytes(MemoryMarshal.AsBytes(_children.AsSpan()));

    [Benchmark(Baseline = true)]
    public Hash256 Sha256HashData_loop()
    {
        Span<byte> digest = stackalloc byte[32];
        ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(_children.AsSpan());
        for (int i = 0; i < _parents.Length; i++)
        {
            SHA256.HashData(bytes.Slice(64 * i, 64), digest);
            SHA256.HashData(digest, digest);
            _parents[i] = new Hash256(digest);
        }
        return _parents[^1];
    }

    [Benchmark]
    public Hash256 HashPairs_best() => Level(Sha256Lanes.BestPath);

    [Benchmark]
    public Hash256 HashPairs_scalar() => Level(Sha256Path.Scalar);

    [Benchmark]
    public Hash256 HashPairs_Vector256_Avx2() => Level(Sha256Path.Vector256);

    [Benchmark]
    public Hash256 HashPairs_Vector256_Avx512VL() => Level(Sha256Path.Vector256Avx512);

    [Benchmark]
    public Hash256 HashPairs_Vector512() => Level(Sha256Path.Vector512);

    private Hash256 Level(Sha256Path path)
    {
        Sha256Batch.HashPairs(_children, _parents, path);
        return _parents[^1];
    }
}
