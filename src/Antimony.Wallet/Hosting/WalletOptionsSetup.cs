using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Antimony.Wallet.Hosting;

/// <summary>
/// Reads <see cref="WalletOptions"/> from the <c>Antimony:Wallet</c> configuration section by hand, which keeps the
/// package trimming- and AOT-safe (no reflection binder). Values that do not parse are left for the validator.
/// </summary>
internal sealed class WalletOptionsSetup(IConfiguration? configuration = null) : IConfigureOptions<WalletOptions>
{
    public void Configure(WalletOptions options)
    {
        if (configuration is null)
            return;
        var section = configuration.GetSection(WalletOptions.SectionName);
        if (section[nameof(WalletOptions.Path)] is { } path)
            options.Path = path;
        if (section[nameof(WalletOptions.Passphrase)] is { } passphrase)
            options.Passphrase = passphrase;
        if (section[nameof(WalletOptions.Account)] is { } account)
            options.Account = int.TryParse(account, NumberStyles.Integer, CultureInfo.InvariantCulture, out int a) ? a : -1;
        if (section[nameof(WalletOptions.AddressLookahead)] is { } lookahead)
            options.AddressLookahead = int.TryParse(lookahead, NumberStyles.Integer, CultureInfo.InvariantCulture, out int l) ? l : -1;
        if (section[nameof(WalletOptions.FeeRateAtomsPerVirtualByte)] is { } rate)
            options.FeeRateAtomsPerVirtualByte = long.TryParse(rate, NumberStyles.Integer, CultureInfo.InvariantCulture, out long r) ? r : -1;
    }
}
