using System.Net;
using System.Net.Sockets;
using Antimony.P2P.Transport.Internal;

namespace Antimony.P2P.Transport;

/// <summary>Accepts inbound TCP connections and wraps each in a message connection.</summary>
public sealed class SocketListener : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly ConnectionOptions _options;

    private SocketListener(Socket socket, ConnectionOptions options)
    {
        _socket = socket;
        _options = options;
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
    }

    /// <summary>The bound address; with port 0 the port the system chose.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Binds and listens, e.g. on <c>new IPEndPoint(IPAddress.Loopback, 0)</c> in tests.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="SocketException">The address cannot be bound.</exception>
    public static SocketListener Start(IPEndPoint endPoint, ConnectionOptions options, int backlog = 128)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(endPoint);
            socket.Listen(backlog);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new SocketListener(socket, options);
    }

    /// <summary>Waits for the next inbound connection.</summary>
    /// <exception cref="ObjectDisposedException">The listener was stopped.</exception>
    /// <exception cref="OperationCanceledException">The token fired.</exception>
    public async ValueTask<IMessageConnection> AcceptAsync(CancellationToken cancellationToken = default)
    {
        Socket accepted;
        try
        {
            accepted = await _socket.AcceptAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.OperationAborted or SocketError.Interrupted)
        {
            throw new ObjectDisposedException(nameof(SocketListener), e);
        }
        SocketConnector.Configure(accepted);
        return MessageConnection.Start(new SocketLink(accepted), _options);
    }

    /// <summary>Stops listening; connections already accepted stay open.</summary>
    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
