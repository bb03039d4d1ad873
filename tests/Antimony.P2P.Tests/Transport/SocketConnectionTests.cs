using System.Net;
using System.Net.Sockets;
using Antimony.P2P.Framing;
using Antimony.P2P.Messages;
using Antimony.P2P.Tests.Framing;
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

    [Fact]
    public async Task A_raw_peer_claiming_a_4_GB_payload_is_cut_off_after_the_header()
    {
        await using var listener = SocketListener.Start(new IPEndPoint(IPAddress.Loopback, 0), Options);
        var accepting = listener.AcceptAsync().AsTask();
        using var raw = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await raw.ConnectAsync(listener.LocalEndPoint);
        await using var connection = await accepting.WaitAsync(TimeSpan.FromSeconds(30));

        // Only the 24-byte header is ever sent: the receiver must refuse it without waiting for the payload.
        var header = new byte[FrameLimits.HeaderSize];
        new FrameHeader(TestFrames.Magic.Value, BlockMessage.CommandName, uint.MaxValue, 0).CopyTo(header);
        await raw.SendAsync(header);

        var ex = await Assert.ThrowsAsync<WireProtocolException>(() => connection.ReceiveAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(ProtocolViolation.OversizedPayload, ex.Violation);
        Assert.Equal(ConnectionCloseReason.ProtocolViolation, connection.CloseReason);
        Assert.Equal(FrameLimits.HeaderSize, connection.BytesReceived);
        // The raw peer sees the connection reset.
        var buffer = new byte[1];
        var reset = await Assert.ThrowsAsync<SocketException>(async () => await raw.ReceiveAsync(buffer, SocketFlags.None).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(SocketError.ConnectionReset, reset.SocketErrorCode);
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
