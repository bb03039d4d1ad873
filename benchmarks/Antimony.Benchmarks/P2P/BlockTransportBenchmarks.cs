using BenchmarkDotNet.Attributes;

namespace Antimony.Benchmarks.P2P;

/// <summary>1 MB blocks of ten 100 kB transactions, 20 per invocation; times are per block.</summary>
[MemoryDiagnoser]
public class BlockTransportBenchmarks : TransportBenchmarks
{
    private const int Batch = 20;

    /// <inheritdoc />
    [Params("block-1MB")]
    public override string Message { get; set; } = "block-1MB";

    /// <inheritdoc />
    protected override int BatchSize => Batch;

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public Task<int> NetworkStreamNaive() => RunNetworkStreamNaive();

    [Benchmark(OperationsPerInvoke = Batch)]
    public Task<int> Pipelines() => RunPipelines();
}
