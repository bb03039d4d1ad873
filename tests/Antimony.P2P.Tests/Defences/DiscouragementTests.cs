using System.Net;
using Antimony.P2P.Defences;
using Antimony.P2P.Framing;
using Antimony.P2P.Peers;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Antimony.P2P.Tests.Defences;

public sealed class DiscouragementTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));

    [Fact]
    public void A_discouraged_address_stays_discouraged_until_expiry_with_its_reason()
    {
        var list = new Discouragement([], TimeSpan.FromHours(1), _clock);
        var address = IPAddress.Parse("203.0.113.7");
        Assert.True(list.Discourage(address, MisbehaviourReason.BadChecksum));
        Assert.True(list.IsDiscouraged(address));
        Assert.True(list.IsDiscouraged(address.MapToIPv6()));
        Assert.True(list.TryGet(address, out var entry));
        Assert.Equal(MisbehaviourReason.BadChecksum, entry.Reason);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromHours(1), entry.Expiry);
        Assert.Equal(address, Assert.Single(list.Entries).Address);
        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.True(list.IsDiscouraged(address));
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(list.IsDiscouraged(address));
        Assert.Equal(0, list.DiscouragedCount);
        Assert.Empty(list.Entries);
    }

    [Fact]
    public void A_second_offence_replaces_the_reason_and_restarts_the_clock()
    {
        var list = new Discouragement([], TimeSpan.FromHours(1), _clock);
        var address = IPAddress.Parse("198.51.100.9");
        list.Discourage(address, MisbehaviourReason.RateLimited);
        _clock.Advance(TimeSpan.FromMinutes(30));
        list.Discourage(address, MisbehaviourReason.InvalidBlock);
        _clock.Advance(TimeSpan.FromMinutes(45));
        Assert.True(list.TryGet(address, out var entry));
        Assert.Equal(MisbehaviourReason.InvalidBlock, entry.Reason);
        Assert.True(list.Forgive(address));
        Assert.False(list.IsDiscouraged(address));
    }

    [Fact]
    public void Allowed_addresses_are_never_discouraged()
    {
        var list = new Discouragement([IPAddress.Loopback], TimeSpan.FromHours(1), _clock);
        Assert.False(list.Discourage(IPAddress.Loopback, MisbehaviourReason.WrongMagic));
        Assert.False(list.Discourage(IPAddress.Parse("127.0.0.2"), MisbehaviourReason.WrongMagic));
        Assert.False(list.Discourage(IPAddress.IPv6Loopback, MisbehaviourReason.WrongMagic));
        Assert.False(list.IsDiscouraged(IPAddress.Loopback));
        Assert.Empty(list.Entries);
    }

    [Fact]
    public void An_empty_allow_list_discourages_loopback()
    {
        var list = new Discouragement([], TimeSpan.FromHours(1), _clock);
        Assert.True(list.Discourage(IPAddress.Loopback, MisbehaviourReason.Malformed));
        Assert.True(list.IsDiscouraged(IPAddress.Loopback));
        Assert.False(list.IsDiscouraged(IPAddress.Parse("198.51.100.1")));
    }

    [Theory]
    [InlineData(ProtocolViolation.BadMagic, MisbehaviourReason.WrongMagic)]
    [InlineData(ProtocolViolation.BadChecksum, MisbehaviourReason.BadChecksum)]
    [InlineData(ProtocolViolation.OversizedPayload, MisbehaviourReason.OversizedPayload)]
    [InlineData(ProtocolViolation.PayloadTooLargeForCommand, MisbehaviourReason.OversizedPayload)]
    [InlineData(ProtocolViolation.TooManyItems, MisbehaviourReason.OversizedInventory)]
    [InlineData(ProtocolViolation.MalformedPayload, MisbehaviourReason.Malformed)]
    [InlineData(ProtocolViolation.TruncatedFrame, MisbehaviourReason.TruncatedFrame)]
    [InlineData(ProtocolViolation.InvalidCommand, MisbehaviourReason.InvalidCommand)]
    [InlineData(ProtocolViolation.UnknownCommand, MisbehaviourReason.UnknownCommand)]
    public void Wire_violations_map_to_their_misbehaviour(ProtocolViolation violation, MisbehaviourReason reason)
    {
        var wire = new WireProtocolException(violation, "test");
        var misbehaviour = PeerMisbehaviourException.From(wire);
        Assert.Equal(reason, misbehaviour.Reason);
        Assert.Same(wire, misbehaviour.InnerException);
    }
}
