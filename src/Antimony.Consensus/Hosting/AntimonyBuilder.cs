using Antimony.Consensus.Parameters;
using Microsoft.Extensions.DependencyInjection;

namespace Antimony.Consensus.Hosting;

/// <summary>The plain <see cref="IAntimonyBuilder"/>.</summary>
internal sealed record AntimonyBuilder(IServiceCollection Services, ChainParameters Parameters) : IAntimonyBuilder;
