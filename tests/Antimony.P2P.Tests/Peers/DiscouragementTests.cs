using System.Net;
using Antimony.P2P.Defences;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Antimony.P2P.Tests.Peers;

public sealed class DiscouragementTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));

    [Fact]
    public void A_discouraged_address_stays_discouraged_until_expiry()
    {
        var list = new Discouragement([], TimeSpan.FromHours(1), _clock);
        var address = IPAddress.Parse("203.0.113.7");
        Assert.True(list.Discourage(address));
        Assert.True(list.IsDiscouraged(address));
        Assert.True(list.IsDiscouraged(address.MapToIPv6()));
        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.True(list.IsDiscouraged(address));
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(list.IsDiscouraged(address));
        Assert.Equal(0, list.DiscouragedCount);
    }

    [Fact]
    public void Allowed_addresses_are_never_discouraged_but_can_be_banned()
    {
        var list = new Discouragement([IPAddress.Loopback], TimeSpan.FromHours(1), _clock);
        Assert.False(list.Discourage(IPAddress.Loopback));
        Assert.False(list.Discourage(IPAddress.Parse("127.0.0.2")));
        Assert.False(list.Discourage(IPAddress.IPv6Loopback));
        Assert.False(list.IsDiscouraged(IPAddress.Loopback));
        list.Ban(IPAddress.Loopback, TimeSpan.FromMinutes(5));
        Assert.True(list.IsBanned(IPAddress.Loopback));
        _clock.Advance(TimeSpan.FromMinutes(6));
        Assert.False(list.IsBanned(IPAddress.Loopback));
    }

    [Fact]
    public void An_empty_allow_list_discourages_loopback()
    {
        var list = new Discouragement([], TimeSpan.FromHours(1), _clock);
        Assert.True(list.Discourage(IPAddress.Loopback));
        Assert.True(list.IsDiscouraged(IPAddress.Loopback));
        Assert.False(list.IsDiscouraged(IPAddress.Parse("198.51.100.1")));
    }
}
