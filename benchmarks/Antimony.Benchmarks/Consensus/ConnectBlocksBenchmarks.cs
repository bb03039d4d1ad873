using Antimony.Consensus.Chain;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Keys;
using Antimony.Primitives.Signing;
using Antimony.Testing.Chains;
using BenchmarkDotNet.Attributes;

namespace Antimony.Benchmarks.Consensus;

/// <summary>
/// Block connection throughput (the Consensus issue's acceptance): a fresh regtest <see cref="ChainState"/> with the
/// in-memory store connects 20 blocks of 500 signed 1-input 2-output P2TR key-path spends each, every rule and every
/// signature checked. One operation is one transaction, so <c>1 / mean</c> is transactions validated per second. The
/// baseline verifies signatures on one thread (<see cref="BouncyCastleSignatureVerifier"/> alone); the comparison
/// spreads each block's batch over all cores (<see cref="ParallelSignatureVerifier"/>, the default composition);
/// <see cref="NoSignatureCost"/> approves every signature (signature hashes still computed) to show the ceiling the
/// rest of connection sets.
/// </summary>
[MemoryDiagnoser]
public class ConnectBlocksBenchmarks
{
    private const int Blocks = 20;
    private const int TransactionsPerBlock = 500;

    private Block[] _prefix = [];
    private Block[] _blocks = [];
    private ChainHarness? _single;
    private ChainHarness? _parallel;
    private ChainHarness? _free;

    /// <summary>
    /// Builds, once, 100 blocks whose coinbases each pay 500 outputs (so that each of the next 20 blocks can spend 500
    /// coinbase outputs that just matured), then the 20 measured blocks of 500 spends each.
    /// </summary>
    [GlobalSetup]
    public void Setup()
    {
        using var builder = new ChainBuilder(seed: 2026);
        var tip = builder.Genesis;
        for (int i = 0; i < builder.Parameters.CoinbaseMaturity; i++)
            tip = builder.AddBlock(tip, null, coinbaseOutputs: TransactionsPerBlock);
        _prefix = Chain(tip, builder.Genesis);
        var start = tip;
        for (int i = 0; i < Blocks; i++)
            tip = builder.AddBlock(tip, builder.Spends(tip, TransactionsPerBlock));
        _blocks = Chain(tip, start);
    }

    /// <summary>Fresh chain states holding only the prefix, so each iteration connects the same 20 blocks.</summary>
    [IterationSetup]
    public void FreshChains()
    {
        Release();
        _single = Prepared(BouncyCastleSignatureVerifier.Instance);
        _parallel = Prepared(new ParallelSignatureVerifier(BouncyCastleSignatureVerifier.Instance, Environment.ProcessorCount));
        _free = Prepared(new ApproveAll());
    }

    /// <summary>Baseline: signatures verified on the calling thread.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Blocks * TransactionsPerBlock)]
    public int SingleThreaded() => Connect(_single!);

    /// <summary>Signatures of each block verified in parallel over all cores.</summary>
    [Benchmark(OperationsPerInvoke = Blocks * TransactionsPerBlock)]
    public int AllCores() => Connect(_parallel!);

    /// <summary>Every signature approved: the cost of connection without the elliptic-curve arithmetic.</summary>
    [Benchmark(OperationsPerInvoke = Blocks * TransactionsPerBlock)]
    public int NoSignatureCost() => Connect(_free!);

    /// <summary>Releases the chain states.</summary>
    [GlobalCleanup]
    public void Release()
    {
        _single?.Dispose();
        _parallel?.Dispose();
        _free?.Dispose();
    }

    private int Connect(ChainHarness node)
    {
        foreach (var block in _blocks)
        {
            var result = node.Submit(block);
            if (result.Acceptance != BlockAcceptance.Active)
                throw new InvalidOperationException($"Block not connected: {result}");
        }
        return node.Chain.Tip.Height;
    }

    private ChainHarness Prepared(ISignatureVerifier verifier)
    {
        var node = new ChainHarness(verifier: verifier);
        var result = node.SubmitAll(_prefix);
        return result.Acceptance == BlockAcceptance.Active ? node : throw new InvalidOperationException($"Prefix not connected: {result}");
    }

    private static Block[] Chain(BuiltBlock tip, BuiltBlock exclusiveStart)
    {
        var blocks = new List<Block>();
        for (var block = tip; block.Height > exclusiveStart.Height; block = block.Parent!)
            blocks.Add(block.Block);
        blocks.Reverse();
        return [.. blocks];
    }

    /// <summary>Approves every signature (benchmark only: isolates the non-cryptographic cost).</summary>
    private sealed class ApproveAll : ISignatureVerifier
    {
        public bool VerifySchnorr(in XOnlyPublicKey key, ReadOnlySpan<byte> message, in SchnorrSignature signature) => true;

        public bool VerifyEcdsa(in PublicKey key, ReadOnlySpan<byte> hash32, in EcdsaSignature signature) => true;

        public bool VerifyBatch(ReadOnlySpan<SignatureCheck> checks, out int invalidIndex)
        {
            invalidIndex = -1;
            return true;
        }
    }
}
