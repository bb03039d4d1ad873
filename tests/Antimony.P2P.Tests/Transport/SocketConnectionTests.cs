using System.Net;
using Antimony.P2P.Transport;

namespace Antimony.P2P.Tests.Transport;

/// <summary>The shared behaviour over real TCP on 127.0.0.1 with a system-chosen port.</summary>
public sealed class SocketConnectionTests : ConnectionBehaviourTests
{
    protected override async Task<(IMessageConnection First, IMessageConnection Second, IAsyncDisposable Scope)> ConnectAsync(
        ConnectionOptions first, ConnectionOptions second)
    {
        var listener = SocketListener.Start(new IPEndPoint(IPAddress.Loopback, 0), second);
        var accepting = listener.AcceptAsync().AsTask();
        var connector = await SocketConnector.ConnectAsync(listener.LocalEndPoint, first);
        var acceptor = await accepting.WaitAsync(TimeSpan.FromSeconds(30));
        return (connector, acceptor, new Scope(listener, connector, acceptor));
    }

    [Fact]
    public async Task The_listener_binds_a_free_loopback_port_and_reports_both_endpoints()
    {
        var (a, b, scope) = await ConnectAsync(Options, Options);
        await using var _ = scope;
        var remote = Assert.IsType<IPEndPoint>(a.RemoteEndPoint);
        Assert.Equal(IPAddress.Loopback, remote.Address);
        Assert.NotEqual(0, remote.Port);
        Assert.Equal(a.LocalEndPoint, b.RemoteEndPoint);
    }

    [Fact]
    public async Task Accepting_on_a_stopped_listener_fails_with_object_disposed()
    {
        var listener = SocketListener.Start(new IPEndPoint(IPAddress.Loopback, 0), Options);
        var accepting = listener.AcceptAsync().AsTask();
        await listener.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => accepting.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private sealed class Scope(SocketListener listener, IMessageConnection a, IMessageConnection b) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            a.Abort();
            b.Abort();
            await a.DisposeAsync();
            await b.DisposeAsync();
            await listener.DisposeAsync();
        }
    }
}
