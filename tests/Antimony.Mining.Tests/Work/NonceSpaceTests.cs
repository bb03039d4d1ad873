using System.Buffers.Binary;
using Antimony.Consensus.Coinbase;
using Antimony.Consensus.Parameters;
using Antimony.Mining.Templates;
using Antimony.Mining.Tests.Support;
using Antimony.Mining.Work;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Networks;

namespace Antimony.Mining.Tests.Work;

public sealed class NonceSpaceTests : IAsyncLifetime
{
    private readonly TestKey _key = new(3);
    private TestNode _node = null!;

    public Task InitializeAsync()
    {
        _node = TestNode.Create(ChainParameters.Regtest, o => { o.Address = _key.AddressFor(Network.Regtest); o.StartOnLaunch = false; });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private BlockTemplate ImpossibleTemplate(int transactions, TimeProvider? time = null) =>
        TestTemplates.Assembler(ChainParameters.Regtest, new SwitchableDifficulty(ChainParameters.Regtest) { Impossible = true },
            TestTemplates.Selecting(TestTemplates.Dummies(transactions, _key.Script)), _key.AddressFor(Network.Regtest), time).Create(_node.Chain.Tip);

    [Fact]
    public void Threads_share_each_nonce_space_in_chunks_then_the_extra_nonce_rolls()
    {
        var space = new NonceSpace(ImpossibleTemplate(3), TimeProvider.System, chunkSize: 64, rangeEnd: 200);
        var units = Enumerable.Range(0, 12).Select(_ => space.Take()).ToList();

        (uint, ulong)[] ranges = [(0, 64), (64, 128), (128, 192), (192, 200)];
        for (int i = 0; i < units.Count; i++)
        {
            Assert.Equal((ulong)(i / 4), units[i].Candidate.ExtraNonce);
            Assert.Equal(ranges[i % 4], (units[i].Start, units[i].End));
            Assert.Same(units[i / 4 * 4].Candidate, units[i].Candidate);
        }
        Assert.Equal(2UL, space.ExtraNonce);
        Assert.Equal(3, space.HeadersBuilt);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(33)]
    public void Each_extra_nonce_has_its_own_coinbase_and_a_merkle_root_equal_to_a_full_recomputation(int transactions)
    {
        var template = ImpossibleTemplate(transactions);
        var space = new NonceSpace(template, TimeProvider.System, chunkSize: 16, rangeEnd: 16);
        var candidates = Enumerable.Range(0, 5).Select(_ => space.Take().Candidate).ToList();

        Assert.Equal([0UL, 1, 2, 3, 4], candidates.Select(c => c.ExtraNonce));
        Assert.Equal(5, candidates.Select(c => c.Coinbase.Txid).Distinct().Count());
        var heightPush = CoinbaseHeight.Encode(template.Height);
        foreach (var candidate in candidates)
        {
            var script = candidate.Coinbase.Inputs[0].ScriptSig.Span;
            Assert.True(CoinbaseHeight.Matches(script, template.Height));
            Assert.Equal(BlockTemplate.ExtraNonceSize, script[heightPush.Length]);
            Assert.Equal(candidate.ExtraNonce, BinaryPrimitives.ReadUInt64LittleEndian(script[(heightPush.Length + 1)..]));
            // Only the script changes: same outputs, same size, so the weight counted for the template holds.
            Assert.Equal(candidates[0].Coinbase.Outputs.AsEnumerable(), candidate.Coinbase.Outputs.AsEnumerable());
            Assert.Equal(candidates[0].Coinbase.Weight, candidate.Coinbase.Weight);

            var block = template.CreateBlock(candidate.Header, candidate.Coinbase);
            Assert.Equal(block.ComputeMerkleRoot(out bool mutated), candidate.Header.MerkleRoot);
            Assert.False(mutated);
            Assert.Equal(template.Weight, block.Weight);
            Assert.Equal(WitnessCommitmentStatus.Valid, WitnessCommitment.Check(block));
        }
    }

    [Fact]
    public void A_new_extra_nonce_rolls_the_time_forward_to_the_clock_but_never_below_the_template_time()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var template = ImpossibleTemplate(2, clock);
        var space = new NonceSpace(template, clock, chunkSize: 8, rangeEnd: 8);

        Assert.Equal(template.Time, space.Take().Candidate.Header.Time);
        clock.Now += TimeSpan.FromSeconds(100);
        Assert.Equal(template.Time + 100, space.Take().Candidate.Header.Time);
        clock.Now -= TimeSpan.FromSeconds(1000);
        var late = space.Take().Candidate.Header;
        Assert.Equal(template.Time, late.Time);
        Assert.True(late.Time >= template.MinTime);
    }

    [Fact]
    public void The_time_starts_at_median_time_past_plus_one_when_the_clock_is_behind()
    {
        var clock = new ManualClock(DateTimeOffset.FromUnixTimeSeconds(_node.Chain.Tip.MedianTimePast - 500));
        var template = ImpossibleTemplate(0, clock);
        Assert.Equal(_node.Chain.Tip.MedianTimePast + 1, template.MinTime);
        Assert.Equal(template.MinTime, template.Time);
    }
}
