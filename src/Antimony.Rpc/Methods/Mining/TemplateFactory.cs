using Antimony.Consensus.Chain;
using Antimony.Consensus.Difficulty;
using Antimony.Consensus.Mempool;
using Antimony.Mining.Hosting;
using Antimony.Mining.Templates;
using Antimony.Primitives.Addresses;
using Antimony.Primitives.Hashing;
using Microsoft.Extensions.Options;

namespace Antimony.Rpc.Methods.Mining;

/// <summary>
/// Builds block templates for RPC with the Mining package's <see cref="BlockAssembler"/>, paying any address
/// (<c>generatetoaddress</c>) or a placeholder (<c>getblocktemplate</c>, whose caller builds its own coinbase), with
/// mempool transactions when the mempool is part of the node. Works whether or not the miner service is added.
/// </summary>
internal sealed class TemplateFactory(ChainState chain, IDifficultyAlgorithm difficulty, NodeServices node, TimeProvider time)
{
    /// <summary>A template on <paramref name="tip"/> whose coinbase pays <paramref name="payout"/>.</summary>
    public BlockTemplate Create(ChainEntry tip, SegwitAddress payout)
    {
        var configured = node.Get<IOptions<MiningOptions>>()?.Value;
        var options = new MiningOptions
        {
            Address = payout.ToString(),
            BlockVersion = configured?.BlockVersion ?? new MiningOptions().BlockVersion,
            CoinbaseTag = configured?.CoinbaseTag ?? new MiningOptions().CoinbaseTag,
            MaxBlockWeight = configured?.MaxBlockWeight,
        };
        ITransactionSelector selector = node.PoolOrNull is { } pool ? new MempoolTransactionSelector(pool) : EmptyTransactionSelector.Instance;
        return new BlockAssembler(chain.Parameters, difficulty, selector, Options.Create(options), time).Create(tip);
    }

    /// <summary>A template for <c>getblocktemplate</c>: the miner's cached one when the miner is added, else a fresh one.</summary>
    public BlockTemplate CreateForPool()
    {
        if (node.Get<IBlockTemplateSource>() is { } source)
            return source.GetTemplate();
        return Create(chain.Tip, SegwitAddress.P2wpkh(default(Hash160), chain.Parameters.Network));
    }
}
