using BenchmarkDotNet.Attributes;

namespace Antimony.Benchmarks.P2P;

/// <summary>Small messages (ping, inv of 1 and of 1,000 entries), 1,000 per invocation; times are per message.</summary>
[MemoryDiagnoser]
public class SmallMessageTransportBenchmarks : TransportBenchmarks
{
    private const int Batch = 1000;

    /// <inheritdoc />
    [Params("ping", "inv-1", "inv-1000")]
    public override string Message { get; set; } = "ping";

    /// <inheritdoc />
    protected override int BatchSize => Batch;

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public Task<int> NetworkStreamNaive() => RunNetworkStreamNaive();

    [Benchmark(OperationsPerInvoke = Batch)]
    public Task<int> Pipelines() => RunPipelines();
}
