using System.Runtime.CompilerServices;
using Antimony.P2P.Messages;

namespace Antimony.P2P.Transport;

/// <summary>Reading a connection as a stream of messages.</summary>
public static class MessageConnectionExtensions
{
    /// <summary>
    /// Yields every message until the connection closes, for an <c>await foreach</c> reader loop. A protocol
    /// violation ends the loop with <see cref="Antimony.P2P.Framing.WireProtocolException"/>.
    /// </summary>
    public static async IAsyncEnumerable<INetworkMessage> ReadAllAsync(this IMessageConnection connection,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        while (await connection.ReceiveAsync(cancellationToken).ConfigureAwait(false) is { } message)
            yield return message;
    }
}
