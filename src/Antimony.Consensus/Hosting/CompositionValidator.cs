using Antimony.Consensus.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Antimony.Consensus.Hosting;

/// <summary>
/// Fails start-up (through <c>ValidateOnStart</c>) with a message naming what to add when a required part
/// of the node is not registered, instead of a resolution error at first use.
/// </summary>
internal sealed class CompositionValidator(IServiceProviderIsService services) : IValidateOptions<ConsensusOptions>
{
    private static readonly (Type Service, string Remedy)[] Required =
    [
        (typeof(IBlockStore), "add a store, e.g. builder.AddInMemoryStore()"),
        (typeof(IChainStateStore), "add a store, e.g. builder.AddInMemoryStore()"),
    ];

    public ValidateOptionsResult Validate(string? name, ConsensusOptions options)
    {
        var missing = Required.Where(r => !services.IsService(r.Service)).Select(r => $"No {r.Service.Name} is registered: {r.Remedy}.").ToList();
        return missing.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(missing);
    }
}
