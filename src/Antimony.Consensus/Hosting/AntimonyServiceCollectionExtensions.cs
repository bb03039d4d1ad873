using Antimony.Consensus.Chain;
using Antimony.Consensus.Difficulty;
using Antimony.Consensus.Events;
using Antimony.Consensus.OutputTypes;
using Antimony.Consensus.Parameters;
using Antimony.Consensus.Rules;
using Antimony.Consensus.Rules.Blocks;
using Antimony.Consensus.Rules.Headers;
using Antimony.Consensus.Rules.Transactions;
using Antimony.Primitives.Signing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Antimony.Consensus.Hosting;

/// <summary>Registers Antimony's consensus engine in the caller's container.</summary>
public static class AntimonyServiceCollectionExtensions
{
    /// <summary>
    /// Adds the chain state, the built-in rules and output types and the default signature verifier (BouncyCastle, batched and spread over cores) for <paramref name="parameters"/>. Everything
    /// is registered with <c>TryAdd</c>, so a host registering its own implementation first wins. A store must be added too; their absence fails start-up (<c>ValidateOnStart</c>) with a message
    /// naming the missing part, and a container built with <c>ValidateOnBuild</c> fails at build.
    /// </summary>
    /// <exception cref="InvalidOperationException">Antimony was already added for a different network.</exception>
    public static IAntimonyBuilder AddAntimony(this IServiceCollection services, ChainParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(parameters);
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(ChainParameters) && !d.IsKeyedService)?.ImplementationInstance;
        if (existing is ChainParameters other && !ReferenceEquals(other, parameters) && other != parameters)
            throw new InvalidOperationException($"Antimony is already added for network '{other.Name}'; a container runs one network.");

        services.TryAddSingleton(parameters);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ConsensusOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConsensusOptions>, ConsensusOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConsensusOptions>, CompositionValidator>());

        services.TryAddSingleton<IDifficultyAlgorithm>(sp => CreateDifficulty(sp.GetRequiredService<ChainParameters>()));
        AddBuiltInRules(services);
        AddBuiltInOutputTypes(services);
        services.TryAddSingleton<ISignatureVerifier>(sp => new ParallelSignatureVerifier(
            BouncyCastleSignatureVerifier.Instance, sp.GetRequiredService<IOptions<ConsensusOptions>>().Value.SignatureVerificationParallelism));
        services.TryAddSingleton<OutputTypeRegistry>();
        services.TryAddSingleton<ConsensusRuleSet>();
        services.TryAddSingleton<ChainEvents>();
        services.TryAddSingleton<IChainEvents>(sp => sp.GetRequiredService<ChainEvents>());
        services.TryAddSingleton<ChainState>();
        return new AntimonyBuilder(services, parameters);
    }

    /// <summary>The difficulty algorithm a network's parameters call for.</summary>
    public static IDifficultyAlgorithm CreateDifficulty(ChainParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters.DifficultyAdjustment switch
        {
            DifficultyAdjustment.None => new FixedDifficulty(parameters),
            _ => new Lwma1Difficulty(parameters),
        };
    }

    // Order matters within each kind: the first rejection wins, and mutation checks come first.
    private static void AddBuiltInRules(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHeaderRule, VersionRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHeaderRule, ProofOfWorkRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHeaderRule, DifficultyRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHeaderRule, MedianTimeRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHeaderRule, FutureTimeRule>());

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBlockRule, MerkleRootRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBlockRule, CoinbasePositionRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBlockRule, WitnessCommitmentRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBlockRule, CoinbaseHeightRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBlockRule, BlockWeightRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBlockRule, TransactionFinalityRule>());

        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITransactionRule, InputsOutputsPresentRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITransactionRule, TransactionSizeRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITransactionRule, OutputValuesRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITransactionRule, DuplicateInputsRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITransactionRule, CoinbaseScriptRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITransactionRule, EmptyScriptSigRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITransactionRule, OutputTypeRule>());

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInputRule, CoinbaseMaturityRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInputRule, InputValuesRule>());

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBlockConnectRule, CoinbaseAmountRule>());
    }

    private static void AddBuiltInOutputTypes(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutputTypeVerifier, TaprootKeyPathVerifier>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutputTypeVerifier, WitnessV0KeyHashVerifier>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutputTypeVerifier, DataOutputVerifier>());
    }
}
