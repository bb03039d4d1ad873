using Antimony.Consensus.Chain;
using Antimony.Consensus.Difficulty;
using Antimony.Consensus.Hosting;
using Antimony.Consensus.Parameters;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Numerics;
using Microsoft.Extensions.DependencyInjection;

namespace Antimony.Testing.Chains;

/// <summary>
/// A headers-only chain state used to ask a retargeting network's difficulty algorithm for the next bits: the
/// algorithm reads <see cref="ChainEntry"/> ancestors, which only a chain state creates. Its clock is stopped far in
/// the future so the future-time rule never rejects the builder's evenly spaced times.
/// </summary>
internal sealed class HeaderIndex : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly ChainState _chain;
    private readonly IDifficultyAlgorithm _difficulty;

    public HeaderIndex(ChainParameters parameters)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FixedClock(DateTimeOffset.FromUnixTimeSeconds(uint.MaxValue - 3600L)));
        services.AddAntimony(parameters).AddInMemoryStore();
        _services = services.BuildServiceProvider();
        _chain = _services.GetRequiredService<ChainState>();
        _difficulty = _services.GetRequiredService<IDifficultyAlgorithm>();
    }

    public CompactTarget NextBits(BlockHash parent) =>
        _chain.TryGetEntry(parent, out var entry)
            ? _difficulty.GetNextBits(entry)
            : throw new InvalidOperationException($"Block {parent} was not made by this builder.");

    public void Add(BlockHeader header)
    {
        var result = _chain.ProcessHeadersAsync([header]).GetAwaiter().GetResult();
        if (!result.IsValid)
            throw new InvalidOperationException($"The builder made an invalid header: {result}");
    }

    public void Dispose() => _services.Dispose();
}
