using System.Net;
using Antimony.P2P.Messages;
using Antimony.P2P.Peers;
using Xunit;

namespace Antimony.P2P.Tests.Peers;

/// <summary>What a node advertises as version's sender address (addr_from): its listen endpoint, which endpoint bans rely on.</summary>
public sealed class LocalNodeTests
{
    [Fact]
    public void Without_a_listener_the_sender_is_unspecified()
    {
        var sender = new LocalNode("/t/").SenderFor(new IPEndPoint(IPAddress.Loopback, 5000));
        Assert.Equal(IPAddress.IPv6Any, sender.Address);
        Assert.Equal(0, sender.Port);
    }

    [Fact]
    public void A_specific_listen_address_is_advertised_as_is()
    {
        var local = new LocalNode("/t/") { Listen = new IPEndPoint(IPAddress.Parse("127.0.0.1"), 20005) };
        var sender = local.SenderFor(new IPEndPoint(IPAddress.Parse("127.0.0.1"), 51234));
        Assert.Equal(IPAddress.Loopback, sender.Address);
        Assert.Equal(20005, sender.Port);
        Assert.Equal(LocalNode.Services, sender.Services);
    }

    [Fact]
    public void Listening_on_any_address_advertises_the_connections_local_address()
    {
        var local = new LocalNode("/t/") { Listen = new IPEndPoint(IPAddress.Any, 20006) };
        var sender = local.SenderFor(new IPEndPoint(IPAddress.Parse("192.0.2.10"), 40000));
        Assert.Equal(IPAddress.Parse("192.0.2.10"), sender.Address);
        Assert.Equal(20006, sender.Port);
    }
}
