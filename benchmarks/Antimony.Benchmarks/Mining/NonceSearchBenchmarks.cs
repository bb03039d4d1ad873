using System.Buffers.Binary;
using System.Security.Cryptography;
using Antimony.Mining.Search;
using Antimony.Primitives.Hashing;
using BenchmarkDotNet.Attributes;

namespace Antimony.Benchmarks.Mining;

/// <summary>
/// Header hashes per second for each nonce-search path against hashing the header twice with
/// <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/> and NBitcoin's <c>BlockHeader.GetHash()</c>.
/// Every benchmark reports the time of one header hash (OperationsPerInvoke), so the Ratio column is
/// the speed-up per core. The target is unreachable, so all nonces are hashed and none is reported.
/// For a true AVX2-only machine run the Vector256 benchmark with <c>DOTNET_EnableAVX512=0</c>.
/// </summary>
[MemoryDiagnoser]
public class NonceSearchBenchmarks
{
    private const int SlowNonces = 16_384;
    private const int FastNonces = 262_144;

    private readonly byte[] _header = new byte[80];
    private readonly byte[] _digest = new byte[32];
    private HeaderTemplate _template;
    private NBitcoin.BlockHeader _nbitcoinHeader = null!;
    private uint _start;

    [GlobalSetup]
    public void Setup()
    {
        new Random(42).NextBytes(_header);
        _template = new HeaderTemplate(_header, new byte[32]);
        _nbitcoinHeader = NBitcoin.BlockHeader.Parse(Convert.ToHexString(_header), NBitcoin.Network.Main);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = SlowNonces)]
    public byte Sha256HashData_twice()
    {
        for (uint nonce = 0; nonce < SlowNonces; nonce++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(_header.AsSpan(76), nonce);
            SHA256.HashData(_header, _digest);
            SHA256.HashData(_digest, _digest);
        }
        return _digest[31];
    }

    [Benchmark(OperationsPerInvoke = SlowNonces)]
    public NBitcoin.uint256 NBitcoin_GetHash()
    {
        NBitcoin.uint256 hash = NBitcoin.uint256.Zero;
        for (uint nonce = 0; nonce < SlowNonces; nonce++)
        {
            _nbitcoinHeader.Nonce = nonce;
            hash = _nbitcoinHeader.GetHash();
        }
        return hash;
    }

    [Benchmark(OperationsPerInvoke = SlowNonces)]
    public ulong Scalar() => Run(Sha256Path.Scalar, SlowNonces);

    [Benchmark(OperationsPerInvoke = FastNonces)]
    public ulong Vector256_Avx2() => Run(Sha256Path.Vector256, FastNonces);

    [Benchmark(OperationsPerInvoke = FastNonces)]
    public ulong Vector256_Avx512VL() => Run(Sha256Path.Vector256Avx512, FastNonces);

    [Benchmark(OperationsPerInvoke = FastNonces)]
    public ulong Vector512() => Run(Sha256Path.Vector512, FastNonces);

    /// <summary>The best path on every core at once, each core on its own half of the range (the rate is for the whole machine).</summary>
    [Benchmark(OperationsPerInvoke = FastNonces * 2)]
    public ulong BestPath_all_cores()
    {
        int cores = Environment.ProcessorCount;
        long total = 0;
        uint start = _start;
        var template = _template;
        Parallel.For(0, cores, core =>
        {
            ulong from = start + (ulong)core * FastNonces * 2 / (ulong)cores;
            var result = NonceSearch.Search(template, (uint)from, from + FastNonces * 2 / (ulong)cores);
            Interlocked.Add(ref total, (long)result.HashesComputed);
        });
        _start += FastNonces * 2;
        return (ulong)total;
    }

    private ulong Run(Sha256Path path, uint nonces)
    {
        if (!NonceSearch.IsAvailable(path))
            throw new PlatformNotSupportedException($"{path} is not available on this machine.");
        var result = NonceSearch.Search(path, _template, _start, (ulong)_start + nonces);
        _start += nonces;
        return result.HashesComputed;
    }
}
