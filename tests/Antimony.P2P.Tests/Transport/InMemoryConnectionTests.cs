using System.Net;
using Antimony.P2P.Framing;
using Antimony.P2P.Tests.Framing;
using Antimony.P2P.Transport;

namespace Antimony.P2P.Tests.Transport;

/// <summary>The shared behaviour over the in-memory transport.</summary>
public sealed class InMemoryConnectionTests : ConnectionBehaviourTests
{
    protected override Task<(IMessageConnection First, IMessageConnection Second, IAsyncDisposable Scope)> ConnectAsync(
        ConnectionOptions first, ConnectionOptions second)
    {
        var (a, b) = InMemoryTransport.CreatePair(first, second);
        return Task.FromResult((a, b, (IAsyncDisposable)new Scope(a, b)));
    }

    [Fact]
    public async Task Given_endpoints_are_reported_crosswise()
    {
        var one = new IPEndPoint(IPAddress.Parse("10.0.0.1"), 20000);
        var two = new IPEndPoint(IPAddress.Parse("10.0.0.2"), 20001);
        var (a, b) = InMemoryTransport.CreatePair(Options, one, two);
        await using var _ = new Scope(a, b);
        Assert.Equal(two, a.RemoteEndPoint);
        Assert.Equal(one, b.RemoteEndPoint);
    }

    [Fact]
    public void An_input_pause_threshold_that_cannot_hold_the_largest_frame_is_refused()
    {
        var stalling = Options with { InputPauseThreshold = TestFrames.Options.MaxFrameLength };
        Assert.Throws<ArgumentException>(() => InMemoryTransport.CreatePair(stalling));
        Assert.Equal(FrameLimits.HeaderSize + FrameLimits.DefaultMaxPayloadLength + Options.MinimumSegmentSize, Options.EffectiveInputPauseThreshold);
    }

    private sealed class Scope(IMessageConnection a, IMessageConnection b) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            a.Abort();
            b.Abort();
            await a.DisposeAsync();
            await b.DisposeAsync();
        }
    }
}
