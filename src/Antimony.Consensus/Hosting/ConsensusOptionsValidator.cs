using Microsoft.Extensions.Options;

namespace Antimony.Consensus.Hosting;

/// <summary>Validates <see cref="ConsensusOptions"/>' data annotations (source-generated, no reflection).</summary>
[OptionsValidator]
internal sealed partial class ConsensusOptionsValidator : IValidateOptions<ConsensusOptions>;
