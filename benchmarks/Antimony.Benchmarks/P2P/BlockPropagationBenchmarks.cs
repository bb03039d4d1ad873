using BenchmarkDotNet.Attributes;

namespace Antimony.Benchmarks.P2P;

/// <summary>
/// Issue 5's acceptance: the time for a block connected at one end of a line of 4 nodes (TCP on 127.0.0.1, one
/// process) to be connected at the other end, 3 hops of headers announcement, getdata, block and validation,
/// against one hop between 2 nodes as the baseline, so the Ratio column is the cost of the extra hops (3 would
/// mean each hop costs the same; below 3, work common to every run, such as connecting the block at the head,
/// takes part of the time).
/// </summary>
[MemoryDiagnoser]
public class BlockPropagationBenchmarks
{
    private NodeLine _pair = null!;
    private NodeLine _line = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pair = NodeLine.StartAsync(2).GetAwaiter().GetResult();
        _line = NodeLine.StartAsync(4).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _pair.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _line.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Baseline: one hop, head to its only peer.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> OneHop() => _pair.RelayAsync();

    /// <summary>Three hops: head to the far end of a line of four.</summary>
    [Benchmark]
    public Task<int> LineOfFour() => _line.RelayAsync();
}
