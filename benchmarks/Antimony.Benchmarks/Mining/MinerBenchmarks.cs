using System.Collections.Immutable;
using Antimony.Mining.Search;
using Antimony.Mining.Templates;
using Antimony.Mining.Work;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Numerics;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;
using BenchmarkDotNet.Attributes;

namespace Antimony.Benchmarks.Mining;

/// <summary>
/// The miner's hot loop on every core (threads taking chunks from one <see cref="NonceSpace"/>, rolling the
/// extra-nonce) against the single-thread kernel on one header. Each benchmark hashes the same number of nonces
/// against an unreachable target and reports the time of one hash (OperationsPerInvoke), so the Ratio column is
/// the miner's speed-up over one core; the "rolls" variant shrinks each nonce space to 65,536 nonces so the
/// extra-nonce (new coinbase, merkle fold over a 100-transaction branch, new midstate) rolls 64 times per run.
/// </summary>
[MemoryDiagnoser]
public class MinerBenchmarks
{
    private const int Nonces = 1 << 22;

    private BlockTemplate _template = null!;
    private HeaderTemplate _header;

    [GlobalSetup]
    public void Setup()
    {
        var script = ScriptPubKey.P2tr(new byte[32]).Script;
        ImmutableArray<Transaction> transactions = [.. Enumerable.Range(0, 100).Select(i => new TransactionBuilder()
            .AddInput(new OutPoint(new Txid(Sha256d.Hash([(byte)i])), 0))
            .AddOutput(Money.Coin, script)
            .Build())];
        // Bits 0x03000001: a target of 1, which no hash meets, so every nonce is hashed.
        _template = new BlockTemplate(BlockHash.Zero, 1000, 0x20000000, new CompactTarget(0x03000001), 1, 1, Money.FromCoins(50), Money.Zero,
            transactions, script, BlockTemplate.CreateCommitmentScript(transactions), [], DateTimeOffset.UnixEpoch);
        var coinbase = _template.CreateCoinbase(0);
        var target = new byte[32];
        _template.Target.WriteLittleEndian(target);
        _header = new HeaderTemplate(_template.CreateHeader(coinbase, 1, 0).ToBytes(), target);
    }

    /// <summary>The threads the all-core benchmarks use.</summary>
    public static int Threads => Environment.ProcessorCount;

    [Benchmark(Baseline = true, OperationsPerInvoke = Nonces)]
    public int Kernel_single_thread() => NonceSearch.Search(_header, 0, Nonces).Nonces.Count;

    [Benchmark(OperationsPerInvoke = Nonces)]
    public int Miner_all_cores() => RunAllCores(NonceSpace.FullRange);

    [Benchmark(OperationsPerInvoke = Nonces)]
    public int Miner_all_cores_rolling_extra_nonce() => RunAllCores(1 << 16);

    /// <summary>The cost of one extra-nonce roll alone: a space of one nonce per extra-nonce builds a header on every take.</summary>
    [Benchmark(OperationsPerInvoke = 1000)]
    public uint Roll_extra_nonce()
    {
        var space = new NonceSpace(_template, TimeProvider.System, chunkSize: 1, rangeEnd: 1);
        uint sum = 0;
        for (int i = 0; i < 1000; i++)
            sum += space.Take().Candidate.Header.Time;
        return sum;
    }

    // Every thread takes chunks until the shared counter has handed out Nonces nonces in total.
    private int RunAllCores(ulong rangeEnd)
    {
        var space = new NonceSpace(_template, TimeProvider.System, chunkSize: 1 << 16, rangeEnd: rangeEnd);
        long remaining = Nonces / (1 << 16);
        int found = 0;
        var threads = new Thread[Threads];
        for (int t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(() =>
            {
                while (Interlocked.Decrement(ref remaining) >= 0)
                {
                    var unit = space.Take();
                    Interlocked.Add(ref found, NonceSearch.Search(unit.Candidate.Search, unit.Start, unit.End).Nonces.Count);
                }
            });
            threads[t].Start();
        }
        foreach (var thread in threads)
            thread.Join();
        return found;
    }
}
