using System.Diagnostics.Metrics;
using Antimony.Consensus.Chain;
using Antimony.Consensus.Coinbase;
using Antimony.Consensus.Difficulty;
using Antimony.Consensus.Parameters;
using Antimony.Mining.Service;
using Antimony.Mining.Tests.Support;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Numerics;
using Microsoft.Extensions.DependencyInjection;

namespace Antimony.Mining.Tests.Service;

/// <summary>The acceptance tests: nodes composed through DI mine blocks that consensus accepts.</summary>
public class MinerServiceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_regtest_node_mines_valid_blocks_paying_the_configured_address_and_reports_metrics()
    {
        var key = new TestKey(6);
        await using var node = TestNode.Create(ChainParameters.Regtest, o => { o.Address = key.AddressFor(ChainParameters.Regtest.Network); o.Threads = 2; });
        using var metrics = new MetricsRecorder(node.Services.GetRequiredService<IMeterFactory>());

        await node.StartAsync();
        await node.WaitForHeightAsync(5, Timeout);
        await node.Miner.StopMiningAsync();

        Assert.Equal(MinerState.Stopped, node.Miner.State);
        Assert.Equal(2, node.Miner.Threads);
        var blocks = node.ActiveBlocks();
        Assert.True(blocks.Count >= 5);
        Assert.True(node.Miner.BlocksFound >= blocks.Count);
        Assert.True(node.Miner.HashesComputed >= blocks.Count);
        metrics.Collect();
        Assert.Equal(node.Miner.BlocksFound, metrics.Sum("antimony.miner.blocks_found"));
        Assert.Equal(node.Miner.HashesComputed, metrics.Sum("antimony.miner.hashes"));
        Assert.True(metrics.Last("antimony.miner.hash_rate") >= 0);
        await AssertValidAndPayingAsync(ChainParameters.Regtest, blocks, key);
    }

    [Fact]
    public async Task A_devnet_like_node_mines_valid_blocks_while_lwma_raises_the_difficulty()
    {
        // Devnet's rules with an easier limit and a three-block LWMA window, so the test takes seconds rather than
        // minutes. Height 4's window still spans genesis (months old, so its solve time clamps to 6T and keeps the
        // limit); from height 5 on the window holds only fast blocks, far below 12 s, so each must be harder.
        var network = ChainParameters.Devnet with { PowLimitBits = new CompactTarget(ChainParameters.RegtestPowLimitBits), LwmaWindow = 3 };
        var key = new TestKey(7);
        await using var node = TestNode.Create(network, o => { o.Address = key.AddressFor(network.Network); o.Threads = 2; });

        await node.StartAsync();
        await node.WaitForHeightAsync(8, Timeout);
        await node.Miner.StopMiningAsync();

        var blocks = node.ActiveBlocks();
        var limit = network.PowLimit;
        Assert.All(blocks.Take(3), b => Assert.Equal(network.PowLimitBits, b.Header.Bits));
        Assert.All(blocks.Skip(4), b => Assert.True(b.Header.Bits.ToTarget() < limit, $"bits {b.Header.Bits} not below the limit"));
        Assert.True(blocks[7].Header.Bits.ToTarget() < blocks[4].Header.Bits.ToTarget());
        await AssertValidAndPayingAsync(network, blocks, key);
    }

    [Fact]
    public async Task A_devnet_node_mines_at_the_real_proof_of_work_limit()
    {
        // Real devnet parameters and wall clock: about 2^25 hashes a block, a few seconds per block on two cores.
        var key = new TestKey(8);
        await using var node = TestNode.Create(ChainParameters.Devnet, o => { o.Address = key.AddressFor(ChainParameters.Devnet.Network); o.Threads = Environment.ProcessorCount; });

        await node.StartAsync();
        await node.WaitForHeightAsync(2, TimeSpan.FromMinutes(5));
        await node.Miner.StopMiningAsync();

        await AssertValidAndPayingAsync(ChainParameters.Devnet, node.ActiveBlocks(), key);
    }

    [Fact]
    public async Task On_a_target_no_hash_meets_the_extra_nonce_rolls_nothing_is_submitted_and_a_new_tip_abandons_the_work_at_once()
    {
        var key = new TestKey(9);
        var difficulty = new SwitchableDifficulty(ChainParameters.Regtest) { Impossible = true };
        await using var node = TestNode.Create(
            ChainParameters.Regtest,
            o => { o.Address = key.AddressFor(ChainParameters.Regtest.Network); o.StartOnLaunch = false; },
            services => services.AddSingleton<IDifficultyAlgorithm>(difficulty));
        await node.StartAsync();
        Assert.Equal(MinerState.Stopped, node.Miner.State);
        node.Miner.ChunkSize = 1024;
        node.Miner.NonceRangeEnd = 4096;

        Assert.True(node.Miner.StartMining(1));
        Assert.False(node.Miner.StartMining(1));
        Assert.Equal(MinerState.Running, node.Miner.State);
        await TestNode.WaitUntilAsync(() => node.Miner.CurrentExtraNonce >= 3, Timeout, "extra-nonce 3");

        Assert.Equal(0, node.Chain.Tip.Height);
        Assert.Equal(0, node.Miner.BlocksFound);
        Assert.True(node.Miner.HashesComputed >= 3 * 4096);

        // A block from elsewhere: the miner drops the stale job and mines on the new tip (now at the real regtest target).
        difficulty.Impossible = false;
        var outside = TemplateSolver.Solve(node.Assembler.Create(node.Chain.Tip), extraNonce: 99);
        Assert.Equal(BlockAcceptance.Active, (await node.Chain.ProcessBlockAsync(outside)).Acceptance);
        Assert.Equal(1, node.Miner.StaleWork);

        await node.WaitForHeightAsync(2, Timeout);
        await node.Miner.StopMiningAsync();
        var blocks = node.ActiveBlocks();
        Assert.Equal(outside.Hash, blocks[1].Header.PreviousBlock);
        Assert.Equal(key.Script, blocks[1].Transactions[0].Outputs[0].ScriptPubKey);
    }

    [Fact]
    public async Task Enough_new_fees_replace_the_template_being_mined()
    {
        var key = new TestKey(12);
        var network = ChainParameters.Regtest with { CoinbaseMaturity = 1 };
        var difficulty = new SwitchableDifficulty(network);
        await using var node = TestNode.Create(
            network,
            o =>
            {
                o.Address = key.AddressFor(network.Network);
                o.StartOnLaunch = false;
                o.TemplateRefreshInterval = TimeSpan.FromMilliseconds(50);
                o.TemplateRefreshFeeThreshold = 5_000;
            },
            services => services.AddSingleton<IDifficultyAlgorithm>(difficulty));
        await node.StartAsync();
        var funding = new List<Block>();
        for (int i = 0; i < 2; i++)
        {
            funding.Add(TemplateSolver.Solve(node.Assembler.Create(node.Chain.Tip)));
            Assert.Equal(BlockAcceptance.Active, (await node.Chain.ProcessBlockAsync(funding[i])).Acceptance);
        }

        difficulty.Impossible = true;
        Assert.True(node.Miner.StartMining(1));
        await TestNode.WaitUntilAsync(() => node.Miner.CurrentTemplate is { Height: 3 }, Timeout, "a template at height 3");
        var before = node.Miner.CurrentTemplate!;
        Assert.Empty(before.Transactions);

        var coinbase = funding[0].Transactions[0];
        var small = key.Spend([TestKey.Output(coinbase, 0)], coinbase.Outputs[0].Value - new Primitives.Amounts.Money(1_000), 2);
        Assert.True(node.Pool.Accept(small).IsAccepted);
        coinbase = funding[1].Transactions[0];
        var large = key.Spend([TestKey.Output(coinbase, 0)], coinbase.Outputs[0].Value - new Primitives.Amounts.Money(9_000), 2);
        Assert.True(node.Pool.Accept(large).IsAccepted);

        await TestNode.WaitUntilAsync(() => node.Miner.CurrentTemplate?.Transactions.Length == 2, Timeout, "a template with the new transactions");
        var after = node.Miner.CurrentTemplate!;
        Assert.Equal(new Primitives.Amounts.Money(10_000), after.Fees);
        Assert.Equal(before.PreviousBlock, after.PreviousBlock);
        Assert.Equal(0, node.Miner.BlocksFound);
        Assert.Equal(2, node.Chain.Tip.Height);
    }

    [Fact]
    public async Task Mining_can_be_stopped_and_started_again_at_run_time()
    {
        var key = new TestKey(10);
        await using var node = TestNode.Create(ChainParameters.Regtest, o => { o.Address = key.AddressFor(ChainParameters.Regtest.Network); o.StartOnLaunch = false; });
        await node.StartAsync();
        Assert.Equal(0, node.Chain.Tip.Height);

        Assert.True(node.Miner.StartMining(2));
        await node.WaitForHeightAsync(2, Timeout);
        await node.Miner.StopMiningAsync();
        int height = node.Chain.Tip.Height;
        Assert.Equal(MinerState.Stopped, node.Miner.State);
        Assert.Null(node.Miner.CurrentTemplate);
        Assert.Equal(height, node.Chain.Tip.Height);

        Assert.True(node.Miner.StartMining(1));
        Assert.Equal(1, node.Miner.Threads);
        await node.WaitForHeightAsync(height + 2, Timeout);
        Assert.Throws<ArgumentOutOfRangeException>(() => node.Miner.StartMining(0));
    }

    // A fresh node fed the blocks accepts each one (every header, block and connect rule), and each coinbase pays
    // the configured address the subsidy (no transactions in these blocks) with the BIP34 height.
    private static async Task AssertValidAndPayingAsync(ChainParameters network, List<Block> blocks, TestKey key)
    {
        await using var verifier = TestNode.Create(network, o => { o.Address = key.AddressFor(network.Network); o.StartOnLaunch = false; });
        for (int i = 0; i < blocks.Count; i++)
        {
            int height = i + 1;
            var result = await verifier.Chain.ProcessBlockAsync(blocks[i]);
            Assert.True(result.Acceptance == BlockAcceptance.Active, $"block {height}: {result}");
            var coinbase = blocks[i].Transactions[0];
            Assert.True(CoinbaseHeight.Matches(coinbase.Inputs[0].ScriptSig.Span, height));
            Assert.Equal(key.Script, coinbase.Outputs[0].ScriptPubKey);
            Assert.Equal(network.GetBlockSubsidy(height), coinbase.Outputs[0].Value);
        }
    }
}
