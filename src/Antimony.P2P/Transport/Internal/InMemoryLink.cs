using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;

namespace Antimony.P2P.Transport.Internal;

/// <summary>
/// One end of an in-memory wire: two small pipes standing in for the kernel's socket buffers, so the
/// connection above runs the same loops, backpressure and close paths as over TCP. A reset is passed as
/// a <see cref="SocketException"/> with <see cref="SocketError.ConnectionReset"/>, as a socket reports it.
/// </summary>
internal sealed class InMemoryLink : IByteLink
{
    private readonly Pipe _incoming;
    private readonly Pipe _outgoing;
    private readonly int _chunkSize;

    private InMemoryLink(Pipe incoming, Pipe outgoing, int chunkSize, EndPoint local, EndPoint remote)
    {
        _incoming = incoming;
        _outgoing = outgoing;
        _chunkSize = chunkSize;
        LocalEndPoint = local;
        RemoteEndPoint = remote;
    }

    public EndPoint? LocalEndPoint { get; }

    public EndPoint? RemoteEndPoint { get; }

    /// <summary>Two connected ends; each direction buffers at most about <paramref name="wireBufferSize"/> bytes.</summary>
    public static (InMemoryLink First, InMemoryLink Second) CreatePair(int wireBufferSize, EndPoint first, EndPoint second)
    {
        var options = new PipeOptions(pauseWriterThreshold: wireBufferSize, resumeWriterThreshold: wireBufferSize / 2, useSynchronizationContext: false);
        var firstToSecond = new Pipe(options);
        var secondToFirst = new Pipe(options);
        return (new InMemoryLink(secondToFirst, firstToSecond, wireBufferSize, first, second),
                new InMemoryLink(firstToSecond, secondToFirst, wireBufferSize, second, first));
    }

    public async ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var result = await _incoming.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var data = result.Buffer;
        if (data.IsEmpty)
        {
            _incoming.Reader.AdvanceTo(data.End);
            // Only completion can wake a read with nothing buffered; that is the peer's FIN.
            return 0;
        }
        int count = (int)Math.Min(data.Length, buffer.Length);
        data.Slice(0, count).CopyTo(buffer.Span);
        _incoming.Reader.AdvanceTo(data.GetPosition(count));
        return count;
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        // Chunked like a socket's buffer, so a large frame also waits for the reader instead of landing at once.
        while (!buffer.IsEmpty)
        {
            int count = Math.Min(buffer.Length, _chunkSize);
            var flush = await _outgoing.Writer.WriteAsync(buffer[..count], cancellationToken).ConfigureAwait(false);
            if (flush.IsCompleted)
                throw new SocketException((int)SocketError.ConnectionReset);
            buffer = buffer[count..];
        }
    }

    public void CompleteSend(bool abortive) =>
        _outgoing.Writer.Complete(abortive ? new SocketException((int)SocketError.ConnectionReset) : null);

    public void CompleteReceive() => _incoming.Reader.Complete();

    public void Abort()
    {
        // The loops' cancellation token unblocks pending reads and writes; each loop then completes its own
        // pipe end (CompleteSend with abortive: true is the reset), because a pipe end has one owner.
    }

    public void Dispose()
    {
    }
}
