using System.Net;
using Antimony.Consensus.Hosting;
using Antimony.Consensus.Parameters;
using Antimony.P2P.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace Antimony.P2P.Tests.Peers;

/// <summary>AddPeerToPeer reads section Antimony:P2P of the registered configuration; the code delegate has the last word.</summary>
public sealed class ConfigurationTests
{
    private static ServiceProvider Compose(Dictionary<string, string?> values, Action<PeerToPeerOptions>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAntimony(ChainParameters.Regtest).AddInMemoryStore().AddPeerToPeer(configure);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Options_are_bound_from_the_section_with_endpoints_as_strings()
    {
        using var provider = Compose(new()
        {
            ["Antimony:P2P:Listen"] = "127.0.0.1:20000",
            ["Antimony:P2P:Bootstrap:0"] = "127.0.0.1:20001",
            ["Antimony:P2P:Bootstrap:1"] = "[::1]:20002",
            ["Antimony:P2P:AllowList:0"] = "10.0.0.1",
            ["Antimony:P2P:MaxOutbound"] = "3",
            ["Antimony:P2P:HandshakeTimeout"] = "00:00:07",
            ["Antimony:P2P:MessageRate"] = "123.5",
            ["Antimony:P2P:SendQueueLimit"] = "1048576",
            ["Antimony:P2P:BanListPath"] = "/tmp/bans.json",
        });
        var options = provider.GetRequiredService<IOptions<PeerToPeerOptions>>().Value;
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 20000), options.Listen);
        Assert.Equal([new IPEndPoint(IPAddress.Loopback, 20001), new IPEndPoint(IPAddress.IPv6Loopback, 20002)], options.Bootstrap);
        Assert.Equal([IPAddress.Parse("10.0.0.1")], options.AllowList!);
        Assert.Equal(3, options.MaxOutbound);
        Assert.Equal(TimeSpan.FromSeconds(7), options.HandshakeTimeout);
        Assert.Equal(123.5, options.MessageRate);
        Assert.Equal(1_048_576, options.SendQueueLimit);
        Assert.Equal("/tmp/bans.json", options.BanListPath);
        Assert.Equal(117, options.MaxInbound); // untouched default
    }

    [Fact]
    public void A_comma_separated_bootstrap_value_and_an_empty_allow_list_are_understood()
    {
        using var provider = Compose(new()
        {
            ["Antimony:P2P:Bootstrap"] = "127.0.0.1:20001, 127.0.0.1:20002",
            ["Antimony:P2P:AllowList"] = "",
        });
        var options = provider.GetRequiredService<IOptions<PeerToPeerOptions>>().Value;
        Assert.Equal(2, options.Bootstrap.Count);
        Assert.NotNull(options.AllowList);
        Assert.Empty(options.AllowList!);
    }

    [Fact]
    public void The_code_delegate_overrides_the_configuration()
    {
        using var provider = Compose(new() { ["Antimony:P2P:MaxOutbound"] = "3" }, o => o.MaxOutbound = 1);
        Assert.Equal(1, provider.GetRequiredService<IOptions<PeerToPeerOptions>>().Value.MaxOutbound);
    }

    [Theory]
    [InlineData("Antimony:P2P:Bootstrap:0", "not-an-endpoint", "Antimony:P2P:Bootstrap:0: 'not-an-endpoint' is not an IP endpoint")]
    [InlineData("Antimony:P2P:Bootstrap:0", "127.0.0.1", "is not an IP endpoint")]
    [InlineData("Antimony:P2P:Listen", "localhost:x", "Antimony:P2P:Listen: 'localhost:x'")]
    [InlineData("Antimony:P2P:AllowList:0", "300.1.1.1", "is not an IP address")]
    [InlineData("Antimony:P2P:MaxOutbound", "many", "MaxOutbound")]
    [InlineData("Antimony:P2P:MaxOutbound", "-2", "MaxOutbound must not be negative")]
    [InlineData("Antimony:P2P:MessageRate", "0", "MessageRate must be a positive number")]
    [InlineData("Antimony:P2P:SendQueueLimit", "10", "SendQueueLimit must be at least")]
    public void Bad_values_are_refused_at_start_with_their_key(string key, string value, string expected)
    {
        using var provider = Compose(new() { [key] = value });
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PeerToPeerOptions>>().Value);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_with_a_bad_value_fails_to_start_and_names_the_key()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Antimony:P2P:Bootstrap:0"] = "127.0.0.1:notaport" });
        builder.Services.AddAntimony(ChainParameters.Regtest).AddInMemoryStore().AddPeerToPeer();
        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Antimony:P2P:Bootstrap:0: '127.0.0.1:notaport' is not an IP endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicit_section_can_be_given()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["P2P:MaxInbound"] = "9" }).Build();
        var services = new ServiceCollection();
        services.AddAntimony(ChainParameters.Regtest).AddInMemoryStore().AddPeerToPeer(configuration.GetSection("P2P"));
        using var provider = services.BuildServiceProvider();
        Assert.Equal(9, provider.GetRequiredService<IOptions<PeerToPeerOptions>>().Value.MaxInbound);
    }
}
