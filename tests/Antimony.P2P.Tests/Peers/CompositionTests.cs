using Antimony.Consensus.Hosting;
using Antimony.Consensus.Parameters;
using Antimony.P2P.Connections;
using Antimony.P2P.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace Antimony.P2P.Tests.Peers;

public sealed class CompositionTests
{
    [Fact]
    public void AddPeerToPeer_registers_one_network_as_a_hosted_service()
    {
        var services = new ServiceCollection();
        services.AddAntimony(ChainParameters.Regtest).AddInMemoryStore().AddPeerToPeer();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var hosted = Assert.Single(provider.GetServices<IHostedService>());
        Assert.Same(provider.GetRequiredService<PeerNetwork>(), hosted);
    }

    [Theory]
    [InlineData(-1, 10, 128)]
    [InlineData(8, -1, 128)]
    [InlineData(8, 10, 0)]
    public void Invalid_options_are_refused(int maxOutbound, int maxInbound, int window)
    {
        var services = new ServiceCollection();
        services.AddAntimony(ChainParameters.Regtest).AddInMemoryStore()
            .AddPeerToPeer(o => { o.MaxOutbound = maxOutbound; o.MaxInbound = maxInbound; o.BlockDownloadWindow = window; });
        using var provider = services.BuildServiceProvider();
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<PeerNetwork>());
    }
}
