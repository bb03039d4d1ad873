using Antimony.Consensus.Chain;
using Antimony.Consensus.Coins;
using Antimony.Consensus.Hosting;
using Antimony.Consensus.Parameters;
using Antimony.Consensus.Storage.InMemory;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Signing;
using Antimony.Primitives.Transactions;
using Microsoft.Extensions.DependencyInjection;

namespace Antimony.Testing.Chains;

/// <summary>
/// A chain state composed as a host composes it (<c>AddAntimony</c> plus the in-memory store) for submitting a
/// builder's blocks: synchronous submission, and a fingerprint of tip and UTXO set to assert "nothing changed".
/// </summary>
public sealed class ChainHarness : IDisposable
{
    private readonly ServiceProvider _services;

    /// <summary>
    /// A fresh chain state for <paramref name="parameters"/> (regtest when <see langword="null"/>);
    /// <paramref name="verifier"/> replaces the default parallel signature verifier, <paramref name="configure"/> adds rules or output types.
    /// </summary>
    public ChainHarness(ChainParameters? parameters = null, ISignatureVerifier? verifier = null, Action<IAntimonyBuilder>? configure = null)
    {
        var services = new ServiceCollection();
        if (verifier is not null)
            services.AddSingleton(verifier);
        var builder = services.AddAntimony(parameters ?? ChainParameters.Regtest).AddInMemoryStore();
        configure?.Invoke(builder);
        _services = services.BuildServiceProvider();
        Chain = _services.GetRequiredService<ChainState>();
        Store = _services.GetRequiredService<InMemoryChainStateStore>();
    }

    /// <summary>The chain state under test.</summary>
    public ChainState Chain { get; }

    /// <summary>The UTXO store behind it.</summary>
    public InMemoryChainStateStore Store { get; }

    /// <summary>The container (for rules, events, options).</summary>
    public IServiceProvider Services => _services;

    /// <summary>Processes <paramref name="block"/> and waits for the result.</summary>
    public BlockProcessingResult Submit(Block block) => Chain.ProcessBlockAsync(block).GetAwaiter().GetResult();

    /// <summary>Submits every block in order; returns the first result that is a rejection, or the last result.</summary>
    public BlockProcessingResult SubmitAll(IEnumerable<Block> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        BlockProcessingResult last = default;
        foreach (var block in blocks)
        {
            last = Submit(block);
            if (last.Acceptance == BlockAcceptance.Rejected)
                return last;
        }
        return last;
    }

    /// <summary>Submits a built block and all its ancestors the chain does not know yet, oldest first.</summary>
    public BlockProcessingResult SubmitBranch(BuiltBlock tip)
    {
        ArgumentNullException.ThrowIfNull(tip);
        var missing = new Stack<Block>();
        for (var block = tip; block is not null && !Chain.TryGetEntry(block.Hash, out _); block = block.Parent)
            missing.Push(block.Block);
        return missing.Count == 0 ? new BlockProcessingResult(BlockAcceptance.Active, default, null) : SubmitAll(missing);
    }

    /// <summary>The tip's hash and a copy of the UTXO set: equal fingerprints mean the chain state did not change.</summary>
    public ChainFingerprint Fingerprint() => new(Chain.Tip.Hash, Chain.Tip.Height, Store.CopyCoins());

    /// <summary>Releases the container.</summary>
    public void Dispose() => _services.Dispose();
}
