using System.Security.Cryptography;
using Antimony.Benchmarks.Transactions;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NB = NBitcoin;

namespace Antimony.Benchmarks.Blocks;

/// <summary>
/// Block-header hashing and parsing a 1 MB block (a coinbase and 2,700 370-byte segwit transactions) with
/// its merkle root checked, against NBitcoin (the baseline of each category).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class BlockBenchmarks
{
    private byte[] _blockBytes = [];
    private byte[] _headerBytes = [];
    private BlockHeader _header;
    private NB.BlockHeader _theirHeader = null!;

    [GlobalSetup]
    public void Setup()
    {
        var block = TransactionFixtures.OneMegabyteBlock();
        _blockBytes = block.ToBytes();
        _header = block.Header;
        _headerBytes = _header.ToBytes();
        _theirHeader = NB.BlockHeader.Parse(Convert.ToHexString(_headerBytes), NB.Network.Main);
        if (!ParseNBitcoin() || !Parse() || !ParseScalar())
            throw new InvalidOperationException("The fixture block's merkle root does not check.");
    }

    /// <summary>NBitcoin: header id, afresh.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("HeaderHash")]
    public NB.uint256 HeaderHashNBitcoin() => _theirHeader.GetHash();

    /// <summary>The platform's SHA-256 twice over the 80 serialized bytes (the floor for any implementation on it).</summary>
    [Benchmark, BenchmarkCategory("HeaderHash")]
    public byte[] HeaderHashSha256HashDataTwice() => SHA256.HashData(SHA256.HashData(_headerBytes));

    /// <summary>Antimony: header id (serialize into the stack, SHA-256d).</summary>
    [Benchmark, BenchmarkCategory("HeaderHash")]
    public BlockHash HeaderHash() => _header.Hash;

    /// <summary>NBitcoin: parse 1 MB and check the merkle root.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("ParseAndMerkle")]
    public bool ParseNBitcoin() => NB.Block.Load(_blockBytes, NB.Network.Main).CheckMerkleRoot();

    /// <summary>Antimony: parse 1 MB and check the merkle root, every hash on the scalar path (one message at a time).</summary>
    [Benchmark, BenchmarkCategory("ParseAndMerkle")]
    public bool ParseScalar() => Block.Parse(_blockBytes).HasValidMerkleRoot(Sha256Path.Scalar);

    /// <summary>Antimony: parse 1 MB and check the merkle root, txids and merkle levels on the widest SIMD path.</summary>
    [Benchmark, BenchmarkCategory("ParseAndMerkle")]
    public bool Parse() => Block.Parse(_blockBytes).HasValidMerkleRoot();
}
