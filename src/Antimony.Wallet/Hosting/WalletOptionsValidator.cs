using Microsoft.Extensions.Options;

namespace Antimony.Wallet.Hosting;

/// <summary>Checks <see cref="WalletOptions"/> at start-up, naming the setting to fix.</summary>
public sealed class WalletOptionsValidator : IValidateOptions<WalletOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, WalletOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
            failures.Add("The wallet needs a Path (Antimony:Wallet:Path), a directory such as <datadir>/wallet.");
        if (options.Account < 0)
            failures.Add($"Wallet Account must be between 0 and 2^31-1; got {options.Account}.");
        if (options.AddressLookahead is < 1 or > 10_000)
            failures.Add($"Wallet AddressLookahead must be between 1 and 10000; got {options.AddressLookahead}.");
        if (options.FeeRateAtomsPerVirtualByte is < 0 or > 1_000_000)
            failures.Add($"Wallet FeeRateAtomsPerVirtualByte must be between 0 and 1000000; got {options.FeeRateAtomsPerVirtualByte}.");
        if (options.Passphrase is { Length: 0 })
            failures.Add("Wallet Passphrase is empty; leave it unset to generate one, or give a real passphrase.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
