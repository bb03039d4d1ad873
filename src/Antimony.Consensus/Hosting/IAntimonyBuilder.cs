using Antimony.Consensus.Parameters;
using Microsoft.Extensions.DependencyInjection;

namespace Antimony.Consensus.Hosting;

/// <summary>
/// What <see cref="AntimonyServiceCollectionExtensions.AddAntimony"/> returns: the caller's container and the
/// network, so further parts (stores, output types, rules, the mempool, P2P) are added by extension methods.
/// </summary>
public interface IAntimonyBuilder
{
    /// <summary>The caller's service collection.</summary>
    IServiceCollection Services { get; }

    /// <summary>The network the node runs.</summary>
    ChainParameters Parameters { get; }
}
