using System.Diagnostics.CodeAnalysis;
using Antimony.Consensus.OutputTypes;
using Antimony.Consensus.Rules;
using Antimony.Consensus.Storage;
using Antimony.Consensus.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Antimony.Consensus.Hosting;

/// <summary>Composition of the consensus engine's replaceable parts on an <see cref="IAntimonyBuilder"/>.</summary>
public static class AntimonyBuilderExtensions
{
    /// <summary>Keeps blocks and chain state in process memory (tests, regtest, tools); lost at exit.</summary>
    public static IAntimonyBuilder AddInMemoryStore(this IAntimonyBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<InMemoryBlockStore>();
        builder.Services.TryAddSingleton<IBlockStore>(sp => sp.GetRequiredService<InMemoryBlockStore>());
        builder.Services.TryAddSingleton<InMemoryChainStateStore>();
        builder.Services.TryAddSingleton<IChainStateStore>(sp => sp.GetRequiredService<InMemoryChainStateStore>());
        return builder;
    }

    /// <summary>Registers one more output type (a bespoke network's); its name must not clash with another's.</summary>
    public static IAntimonyBuilder AddOutputType<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TVerifier>(this IAntimonyBuilder builder)
        where TVerifier : class, IOutputTypeVerifier
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutputTypeVerifier, TVerifier>());
        return builder;
    }

    /// <summary>Removes a registered rule or output verifier implementation (e.g. a built-in one a bespoke network drops).</summary>
    public static IAntimonyBuilder Remove<TService, TImplementation>(this IAntimonyBuilder builder)
        where TService : class
        where TImplementation : TService
    {
        ArgumentNullException.ThrowIfNull(builder);
        var matches = builder.Services.Where(d => d.ServiceType == typeof(TService) && d.ImplementationType == typeof(TImplementation)).ToList();
        foreach (var descriptor in matches)
            builder.Services.Remove(descriptor);
        return builder;
    }

    /// <summary>Adds a header rule after the built-in ones.</summary>
    public static IAntimonyBuilder AddHeaderRule<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TRule>(this IAntimonyBuilder builder) where TRule : class, IHeaderRule =>
        AddEnumerable<IHeaderRule, TRule>(builder);

    /// <summary>Adds a block rule after the built-in ones.</summary>
    public static IAntimonyBuilder AddBlockRule<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TRule>(this IAntimonyBuilder builder) where TRule : class, IBlockRule =>
        AddEnumerable<IBlockRule, TRule>(builder);

    /// <summary>Adds a context-free transaction rule after the built-in ones.</summary>
    public static IAntimonyBuilder AddTransactionRule<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TRule>(this IAntimonyBuilder builder) where TRule : class, ITransactionRule =>
        AddEnumerable<ITransactionRule, TRule>(builder);

    /// <summary>Adds an input rule after the built-in ones.</summary>
    public static IAntimonyBuilder AddInputRule<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TRule>(this IAntimonyBuilder builder) where TRule : class, IInputRule =>
        AddEnumerable<IInputRule, TRule>(builder);

    /// <summary>Configures the engine's tunables.</summary>
    public static IAntimonyBuilder ConfigureConsensus(this IAntimonyBuilder builder, Action<ConsensusOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure(configure);
        return builder;
    }

    private static IAntimonyBuilder AddEnumerable<TService, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TImplementation>(IAntimonyBuilder builder)
        where TService : class
        where TImplementation : class, TService
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<TService, TImplementation>());
        return builder;
    }
}
