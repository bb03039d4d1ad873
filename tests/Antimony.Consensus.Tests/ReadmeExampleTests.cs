using Antimony.Consensus.Chain;
using Antimony.Consensus.Coinbase;
using Antimony.Consensus.Hosting;
using Antimony.Consensus.Mempool;
using Antimony.Consensus.Parameters;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Keys;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;
using Microsoft.Extensions.DependencyInjection;

namespace Antimony.Consensus.Tests;

/// <summary>The README's consensus sample, kept compiling and passing here.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public async Task Composed_consensus_services_accept_a_valid_block_and_name_why_they_reject_a_bad_one()
    {
        var services = new ServiceCollection();
        services.AddAntimony(ChainParameters.Regtest)
                .AddInMemoryStore()
                .AddMempool();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var chain = provider.GetRequiredService<ChainState>();

        var good = MineOnTip(chain, ChainParameters.Regtest.GetBlockSubsidy(1));
        var accepted = await chain.ProcessBlockAsync(good);
        Assert.True(accepted.Acceptance == BlockAcceptance.Active, accepted.ToString());
        Assert.Equal(good.Hash, chain.Tip.Hash);

        var greedy = MineOnTip(chain, ChainParameters.Regtest.GetBlockSubsidy(2) + Money.Atom);   // pays itself one atom too much
        var rejected = await chain.ProcessBlockAsync(greedy);
        Assert.Equal(BlockAcceptance.Rejected, rejected.Acceptance);
        Assert.Equal("bad-cb-amount", rejected.Code);
        Assert.Equal(good.Hash, chain.Tip.Hash);
    }

    private static Block MineOnTip(ChainState chain, Money reward)
    {
        var tip = chain.Tip;
        var payTo = ScriptPubKey.P2tr(PrivateKey.Generate().XOnlyPublicKey.Tweak(null).Key.Bytes).Script;
        var coinbase = new TransactionBuilder()
            .AddInput(new TxIn(OutPoint.Null, new Script((byte[])[.. CoinbaseHeight.Encode(tip.Height + 1), .. "readme"u8]), TxIn.SequenceFinal, Witness.Empty))
            .AddOutput(reward, payTo)
            .Build();
        var header = new BlockHeader(4, tip.Hash, coinbase.Txid.Value, tip.Header.Time + 12, ChainParameters.Regtest.PowLimitBits, 0);
        while (!header.Bits.IsMetBy(header.Hash))                       // regtest: about two tries
            header = header with { Nonce = header.Nonce + 1 };
        return new Block(header, [coinbase]);
    }
}
