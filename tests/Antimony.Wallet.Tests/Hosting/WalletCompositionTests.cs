using Antimony.Consensus.Hosting;
using Antimony.Consensus.Mempool;
using Antimony.Wallet.Hosting;
using Antimony.Wallet.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Antimony.Wallet.Tests.Hosting;

public sealed class WalletCompositionTests
{
    private static IHost Build(Dictionary<string, string?> settings, Action<WalletOptions>? configure = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddAntimony(WalletNode.Parameters).AddInMemoryStore().AddMempool().AddWallet(configure);
        return builder.Build();
    }

    [Fact]
    public async Task Options_bind_from_the_Antimony_Wallet_section_and_the_host_runs_the_wallet()
    {
        using var dir = new TempDirectory();
        using var host = Build(new()
        {
            ["Antimony:Wallet:Path"] = dir.Sub("w"),
            ["Antimony:Wallet:Passphrase"] = "from configuration",
            ["Antimony:Wallet:AddressLookahead"] = "5",
            ["Antimony:Wallet:FeeRateAtomsPerVirtualByte"] = "4",
        });
        var options = host.Services.GetRequiredService<IOptions<WalletOptions>>().Value;
        Assert.Equal((dir.Sub("w"), "from configuration", 5, 4L), (options.Path, options.Passphrase, options.AddressLookahead, options.FeeRateAtomsPerVirtualByte));
        await host.StartAsync();
        var wallet = host.Services.GetRequiredService<NodeWallet>();
        Assert.StartsWith("ratmn1p", wallet.GetNewAddress().ToString(), StringComparison.Ordinal);
        Assert.Contains(host.Services.GetServices<IHostedService>(), s => ReferenceEquals(s, wallet));
        await host.StopAsync();
        Assert.True(File.Exists(Path.Combine(dir.Sub("w"), "wallet.state.json")));
    }

    [Fact]
    public async Task A_missing_path_or_bad_value_fails_at_start_naming_the_setting()
    {
        using var host = Build([], o => o.AddressLookahead = 0);
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(e.Failures, f => f.Contains("Antimony:Wallet:Path", StringComparison.Ordinal));
        Assert.Contains(e.Failures, f => f.Contains("AddressLookahead", StringComparison.Ordinal));
    }

    [Fact]
    public void Code_configuration_overrides_the_section()
    {
        using var host = Build(new() { ["Antimony:Wallet:Path"] = "/from/config", ["Antimony:Wallet:Account"] = "3" }, o => o.Path = "/from/code");
        var options = host.Services.GetRequiredService<IOptions<WalletOptions>>().Value;
        Assert.Equal(("/from/code", 3), (options.Path, options.Account));
    }
}
