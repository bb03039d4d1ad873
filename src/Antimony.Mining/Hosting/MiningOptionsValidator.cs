using System.Text;
using Antimony.Consensus.Parameters;
using Antimony.Primitives.Addresses;
using Antimony.Primitives.Scripts;
using Microsoft.Extensions.Options;

namespace Antimony.Mining.Hosting;

/// <summary>
/// Checks <see cref="MiningOptions"/> against the node's network: the address must parse with the network's
/// HRP and be a spendable output type (P2WPKH or P2TR; coins paid elsewhere could never be spent), and the
/// other settings must be in range.
/// </summary>
/// <param name="parameters">The node's network.</param>
public sealed class MiningOptionsValidator(ChainParameters parameters) : IValidateOptions<MiningOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MiningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var network = parameters.Network;
        if (string.IsNullOrWhiteSpace(options.Address))
            failures.Add($"Mining needs an Address: a {network.Bech32Hrp}1... P2WPKH or P2TR address.");
        else if (!SegwitAddress.TryParse(options.Address, network, out var address, out var error))
            failures.Add($"Mining Address '{options.Address}' is not a valid {network.Name} address (HRP '{network.Bech32Hrp}'): {error}.");
        else if (!ScriptPubKey.Recognise(address.ToScript()).IsSpendable)
            failures.Add($"Mining Address '{options.Address}' is witness version {address.WitnessVersion} with a {address.Program.Length}-byte program, not a spendable P2WPKH or P2TR output.");

        int maxThreads = Environment.ProcessorCount * 4;
        if (options.Threads < 1 || options.Threads > maxThreads)
            failures.Add($"Mining Threads must be between 1 and {maxThreads} (four per processor); got {options.Threads}.");
        if (options.BlockVersion < parameters.MinimumBlockVersion)
            failures.Add($"Mining BlockVersion must be at least {parameters.MinimumBlockVersion}; got {options.BlockVersion}.");
        if (options.MaxBlockWeight is int weight && (weight < 4_000 || weight > parameters.MaxBlockWeight))
            failures.Add($"Mining MaxBlockWeight must be between 4000 and the network's {parameters.MaxBlockWeight}; got {weight}.");
        var tag = options.CoinbaseTag ?? "";
        if (!Ascii.IsValid(tag) || Encoding.ASCII.GetByteCount(tag) > MiningOptions.MaxCoinbaseTagLength)
            failures.Add($"Mining CoinbaseTag must be ASCII of at most {MiningOptions.MaxCoinbaseTagLength} bytes.");
        if (options.TemplateRefreshInterval <= TimeSpan.Zero)
            failures.Add("Mining TemplateRefreshInterval must be positive.");
        if (options.TemplateRefreshFeeThreshold < 0)
            failures.Add("Mining TemplateRefreshFeeThreshold must not be negative.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
