using System.Net;
using System.Net.Sockets;
using Antimony.P2P.Transport.Internal;

namespace Antimony.P2P.Transport;

/// <summary>Opens outbound TCP connections as message connections.</summary>
public static class SocketConnector
{
    /// <summary>Connects to <paramref name="remoteEndPoint"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="SocketException">The connection was refused or failed.</exception>
    /// <exception cref="OperationCanceledException">The token fired.</exception>
    public static ValueTask<IMessageConnection> ConnectAsync(EndPoint remoteEndPoint, ConnectionOptions options, CancellationToken cancellationToken = default) =>
        ConnectAsync(remoteEndPoint, null, options, cancellationToken);

    /// <summary>
    /// Connects to <paramref name="remoteEndPoint"/> from <paramref name="localEndPoint"/> (e.g. 127.0.0.2, port 0),
    /// so a test peer can come from an address of its own on a shared loopback host.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="SocketException">The bind or the connection failed.</exception>
    /// <exception cref="OperationCanceledException">The token fired.</exception>
    public static async ValueTask<IMessageConnection> ConnectAsync(EndPoint remoteEndPoint, EndPoint? localEndPoint, ConnectionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remoteEndPoint);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var socket = remoteEndPoint.AddressFamily == AddressFamily.Unspecified
            ? new Socket(SocketType.Stream, ProtocolType.Tcp)
            : new Socket(remoteEndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (localEndPoint is not null)
                socket.Bind(localEndPoint);
            await socket.ConnectAsync(remoteEndPoint, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        Configure(socket);
        return MessageConnection.Start(new SocketLink(socket), options);
    }

    /// <summary>Bitcoin Core's socket settings: no Nagle delay, since messages are small and latency-bound.</summary>
    internal static void Configure(Socket socket) => socket.NoDelay = true;
}
