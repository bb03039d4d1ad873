using Microsoft.Extensions.Options;

namespace Antimony.Consensus.Mempool;

/// <summary>
/// Checks <see cref="MempoolOptions"/> on start (<c>ValidateOnStart</c>), naming every bad setting, so a
/// misconfigured node fails at once instead of refusing every transaction.
/// </summary>
public sealed class MempoolOptionsValidator : IValidateOptions<MempoolOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MempoolOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Require(bool condition, string message)
        {
            if (!condition)
                failures.Add(message);
        }

        Require(options.MaxTransactionWeight is >= 400 and <= 4_000_000, $"MaxTransactionWeight must be in [400, 4,000,000] (is {options.MaxTransactionWeight}).");
        Require(options.MaxSizeBytes >= options.MaxTransactionWeight, $"MaxSizeBytes ({options.MaxSizeBytes}) must hold at least one transaction of MaxTransactionWeight ({options.MaxTransactionWeight}).");
        Require(options.MinRelayFeeRate.AtomsPerKilovirtualByte >= 0, "MinRelayFeeRate must not be negative.");
        Require(options.IncrementalRelayFeeRate.AtomsPerKilovirtualByte > 0, "IncrementalRelayFeeRate must be positive, or replacements could be free (a relay DoS).");
        Require(options.DustRelayFeeRate.AtomsPerKilovirtualByte >= 0, "DustRelayFeeRate must not be negative (zero disables the dust rule).");
        Require(options.MinTransactionBaseSize is >= 0 and <= 1000, $"MinTransactionBaseSize must be in [0, 1000] (is {options.MinTransactionBaseSize}).");
        Require(options.MaxStandardVersion >= 1, "MaxStandardVersion must be at least 1.");
        Require(options.StandardOutputTypes.Count > 0, "StandardOutputTypes must list at least one output type.");
        Require(options.MaxAncestorCount >= 1, "MaxAncestorCount must be at least 1.");
        Require(options.MaxDescendantCount >= 1, "MaxDescendantCount must be at least 1.");
        Require(options.MaxAncestorVirtualSize >= options.MaxTransactionWeight / 4, "MaxAncestorVirtualSize must admit one transaction of MaxTransactionWeight.");
        Require(options.MaxDescendantVirtualSize >= options.MaxTransactionWeight / 4, "MaxDescendantVirtualSize must admit one transaction of MaxTransactionWeight.");
        Require(options.MaxReplacementEvictions >= 1, "MaxReplacementEvictions must be at least 1.");
        Require(options.MaxOrphanCount >= 0, "MaxOrphanCount must not be negative (zero disables the orphan pool).");
        Require(options.MaxOrphanBytes >= 0, "MaxOrphanBytes must not be negative.");
        Require(options.OrphanExpiry > TimeSpan.Zero, "OrphanExpiry must be positive.");
        Require(options.Expiry > TimeSpan.Zero, "Expiry must be positive.");
        Require(options.RollingFeeHalfLife > TimeSpan.Zero, "RollingFeeHalfLife must be positive.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
