using Antimony.Consensus.Chain;
using Antimony.Consensus.Difficulty;
using Antimony.Consensus.Parameters;
using Antimony.Mining.Search;
using Antimony.Mining.Templates;
using Antimony.Mining.Tests.Support;
using Antimony.Mining.Work;
using Antimony.Primitives.Networks;

namespace Antimony.Mining.Tests.Work;

public sealed class MiningJobTests : IAsyncLifetime
{
    private readonly TestKey _key = new(4);
    private TestNode _node = null!;

    public Task InitializeAsync()
    {
        _node = TestNode.Create(ChainParameters.Regtest, o => { o.Address = _key.AddressFor(Network.Regtest); o.StartOnLaunch = false; });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Threads_searching_a_target_no_hash_meets_roll_the_extra_nonce_and_find_nothing()
    {
        var template = TestTemplates.Assembler(ChainParameters.Regtest, new SwitchableDifficulty(ChainParameters.Regtest) { Impossible = true },
            TestTemplates.Selecting(TestTemplates.Dummies(5, _key.Script)), _key.AddressFor(Network.Regtest)).Create(_node.Chain.Tip);
        using var job = new MiningJob(new NonceSpace(template, TimeProvider.System, chunkSize: 256, rangeEnd: 1024), CancellationToken.None);
        long hashes = 0;
        var threads = Enumerable.Range(0, 2)
            .Select(_ => Task.Factory.StartNew(() => job.Run(NonceSearch.BestPath, n => Interlocked.Add(ref hashes, (long)n)), TaskCreationOptions.LongRunning))
            .ToArray();

        await TestNode.WaitUntilAsync(() => job.Space.ExtraNonce >= 4, TimeSpan.FromSeconds(60), "extra-nonce 4");
        Assert.True(job.Abandon());
        await Task.WhenAll(threads);

        Assert.Null(await job.Result);
        Assert.True(Interlocked.Read(ref hashes) >= 4 * 1024, $"only {hashes} hashes for four full nonce spaces");
        Assert.Equal(0, _node.Chain.Tip.Height);
    }

    [Fact]
    public async Task A_job_on_a_reachable_target_yields_a_block_the_chain_accepts()
    {
        var template = TestTemplates.Assembler(ChainParameters.Regtest, new FixedDifficulty(ChainParameters.Regtest),
            EmptyTransactionSelector.Instance, _key.AddressFor(Network.Regtest)).Create(_node.Chain.Tip);
        using var job = new MiningJob(new NonceSpace(template, TimeProvider.System), CancellationToken.None);
        var threads = Enumerable.Range(0, 2).Select(_ => Task.Factory.StartNew(() => job.Run(NonceSearch.BestPath, _ => { }), TaskCreationOptions.LongRunning)).ToArray();

        var block = await job.Result.WaitAsync(TimeSpan.FromSeconds(60));
        await Task.WhenAll(threads);

        Assert.NotNull(block);
        Assert.True(block.Header.Bits.IsMetBy(block.Hash));
        Assert.False(job.Abandon());
        var result = await _node.Chain.ProcessBlockAsync(block);
        Assert.Equal(BlockAcceptance.Active, result.Acceptance);
    }
}
