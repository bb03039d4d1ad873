using Antimony.Primitives.Transactions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NB = NBitcoin;

namespace Antimony.Benchmarks.Transactions;

/// <summary>
/// Parse, serialize and txid of a 370-byte 2-in/2-out P2WPKH segwit transaction, each against NBitcoin
/// (the baseline of its category). Ids are computed afresh on every call (no cache on either side).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class TransactionBenchmarks
{
    private byte[] _bytes = [];
    private Transaction _parsed = null!;
    private Transaction _built = null!;
    private NB.Transaction _theirs = null!;

    [GlobalSetup]
    public void Setup()
    {
        _built = TransactionFixtures.P2wpkhTwoInTwoOut(1);
        _bytes = _built.ToBytes();
        if (_bytes.Length != 370)
            throw new InvalidOperationException($"The fixture should be 370 bytes, not {_bytes.Length}.");
        _parsed = Transaction.Parse(_bytes);
        _theirs = NB.Transaction.Load(_bytes, NB.Network.Main);
        if (_theirs.GetHash().ToString() != _parsed.ComputeTxid().ToString())
            throw new InvalidOperationException("NBitcoin and Antimony disagree on the txid.");
    }

    /// <summary>NBitcoin: parse 370 bytes.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Parse")]
    public NB.Transaction ParseNBitcoin() => NB.Transaction.Load(_bytes, NB.Network.Main);

    /// <summary>Antimony: parse 370 bytes (one private copy, views into it).</summary>
    [Benchmark, BenchmarkCategory("Parse")]
    public Transaction Parse() => Transaction.Parse(_bytes);

    /// <summary>NBitcoin: serialize.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Serialize")]
    public byte[] SerializeNBitcoin() => NB.BitcoinSerializableExtensions.ToBytes(_theirs);

    /// <summary>Antimony: serialize a parsed transaction (copies its kept encoding).</summary>
    [Benchmark, BenchmarkCategory("Serialize")]
    public byte[] SerializeParsed() => _parsed.ToBytes();

    /// <summary>Antimony: serialize a transaction built from parts (encodes field by field).</summary>
    [Benchmark, BenchmarkCategory("Serialize")]
    public byte[] SerializeBuilt() => _built.ToBytes();

    /// <summary>NBitcoin: txid (not cached unless PrecomputeHash is called).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Txid")]
    public NB.uint256 TxidNBitcoin() => _theirs.GetHash();

    /// <summary>Antimony: txid of a parsed transaction, afresh.</summary>
    [Benchmark, BenchmarkCategory("Txid")]
    public Txid TxidParsed() => _parsed.ComputeTxid();

    /// <summary>Antimony: txid of a built transaction, afresh (serializes into a stack buffer).</summary>
    [Benchmark, BenchmarkCategory("Txid")]
    public Txid TxidBuilt() => _built.ComputeTxid();
}
