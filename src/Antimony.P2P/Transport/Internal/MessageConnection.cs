using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Antimony.P2P.Framing;
using Antimony.P2P.Messages;

namespace Antimony.P2P.Transport.Internal;

/// <summary>
/// A message connection over any byte link, shaped like Kestrel's SocketConnection: a receive loop fills the
/// inbound pipe from the link, a send loop drains the outbound pipe into it, and both pipes pause their
/// writer at a threshold so a slow side holds back the fast one instead of growing buffers. Messages are
/// framed straight into the outbound pipe and decoded straight out of the inbound one.
/// </summary>
internal sealed class MessageConnection : IMessageConnection
{
    private readonly IByteLink _link;
    private readonly Pipe _input;
    private readonly Pipe _output;
    private readonly FrameDecoder _decoder;
    private readonly FrameEncoder _encoder;
    private readonly int _segmentSize;
    private readonly TimeSpan _closeTimeout;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task _completion = Task.CompletedTask;
    private int _closeReason;
    private int _outputCompletionRequested;
    private int _outputCompleted;
    private int _violated;
    private int _disposed;
    private int _midFrame;
    private long _bytesReceived;
    private long _bytesDecoded;
    private long _bytesQueued;
    private long _bytesSent;
    private long _messagesSent;
    private long _messagesReceived;

    private MessageConnection(IByteLink link, ConnectionOptions options)
    {
        _link = link;
        _decoder = new FrameDecoder(options.Frame);
        _encoder = new FrameEncoder(options.Frame);
        _segmentSize = options.MinimumSegmentSize;
        _closeTimeout = options.CloseTimeout;
        long inputPause = options.EffectiveInputPauseThreshold;
        _input = new Pipe(new PipeOptions(
            pool: options.MemoryPool,
            pauseWriterThreshold: inputPause,
            resumeWriterThreshold: inputPause / 2,
            minimumSegmentSize: options.MinimumSegmentSize,
            useSynchronizationContext: false));
        _output = new Pipe(new PipeOptions(
            pool: options.MemoryPool,
            pauseWriterThreshold: options.OutputPauseThreshold,
            resumeWriterThreshold: options.OutputPauseThreshold / 2,
            minimumSegmentSize: options.MinimumSegmentSize,
            useSynchronizationContext: false));
    }

    public EndPoint? RemoteEndPoint => _link.RemoteEndPoint;

    public EndPoint? LocalEndPoint => _link.LocalEndPoint;

    public long BytesSent => Interlocked.Read(ref _bytesSent);

    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    public long MessagesSent => Interlocked.Read(ref _messagesSent);

    public long MessagesReceived => Interlocked.Read(ref _messagesReceived);

    public long BufferedSendBytes => Interlocked.Read(ref _bytesQueued) - Interlocked.Read(ref _bytesSent);

    public long BufferedReceiveBytes => Interlocked.Read(ref _bytesReceived) - Interlocked.Read(ref _bytesDecoded);

    public bool IsAwaitingFrameRemainder => Volatile.Read(ref _midFrame) != 0;

    public ConnectionCloseReason CloseReason => (ConnectionCloseReason)Volatile.Read(ref _closeReason);

    public Task Completion => _completion;

    /// <summary>Creates the connection and starts its loops.</summary>
    public static MessageConnection Start(IByteLink link, ConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var connection = new MessageConnection(link, options);
        connection._completion = connection.RunAsync();
        return connection;
    }

    public async ValueTask<bool> SendAsync(INetworkMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _outputCompletionRequested) != 0)
                return false;
            int written = _encoder.Write(message, _output.Writer);
            Interlocked.Add(ref _bytesQueued, written);
            Interlocked.Increment(ref _messagesSent);
            var flush = await _output.Writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            return !flush.IsCompleted && !flush.IsCanceled;
        }
        finally
        {
            _sendLock.Release();
            TryCompleteOutput();
        }
    }

    public async ValueTask<INetworkMessage?> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        var reader = _input.Reader;
        int needed = 0;
        while (true)
        {
            if (Volatile.Read(ref _violated) != 0 || Volatile.Read(ref _disposed) != 0)
                return null;
            // Once a header is in, wait for the whole frame instead of waking for every segment of a large one;
            // the inbound pause threshold exceeds the largest frame, so the wait cannot stall.
            var result = needed > 0
                ? await reader.ReadAtLeastAsync(needed, cancellationToken).ConfigureAwait(false)
                : await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var consumed = buffer.Start;
            var examined = buffer.End;
            try
            {
                long before = buffer.Length;
                if (_decoder.TryDecode(ref buffer, out var message))
                {
                    consumed = buffer.Start;
                    examined = consumed;
                    Interlocked.Add(ref _bytesDecoded, before - buffer.Length);
                    Interlocked.Increment(ref _messagesReceived);
                    Volatile.Write(ref _midFrame, 0);
                    return message;
                }
                // Closed: a partial frame left behind can never complete. A peer that finished sending in the
                // middle of a frame cut it off (misbehaviour); after a reset or our own abort it is just lost.
                if (result.IsCompleted || result.IsCanceled)
                {
                    if (result.IsCompleted && !buffer.IsEmpty && CloseReason == ConnectionCloseReason.RemoteClosed)
                        throw new WireProtocolException(ProtocolViolation.TruncatedFrame, $"The peer closed the connection {buffer.Length} bytes into a frame");
                    return null;
                }
                Volatile.Write(ref _midFrame, buffer.IsEmpty ? 0 : 1);
                needed = _decoder.TryReadHeader(buffer, out var header) ? FrameLimits.HeaderSize + (int)header.PayloadLength : 0;
                // ReadAtLeastAsync follows a read that examined nothing: after examining to the end, the pipe
                // was seen not to wake it although enough bytes had arrived (in-memory 1 MB frame test).
                if (needed > 0)
                    examined = consumed;
            }
            catch (WireProtocolException)
            {
                Volatile.Write(ref _violated, 1);
                Abort(ConnectionCloseReason.ProtocolViolation);
                throw;
            }
            finally
            {
                reader.AdvanceTo(consumed, examined);
            }
        }
    }

    public void Close()
    {
        TrySetReason(ConnectionCloseReason.LocalClose);
        BeginGracefulShutdown();
    }

    public void Abort() => Abort(ConnectionCloseReason.LocalAbort);

    public async ValueTask DisposeAsync()
    {
        Close();
        await _completion.ConfigureAwait(false);
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
            _input.Reader.Complete();
    }

    public override string ToString() => $"{RemoteEndPoint} ({CloseReason})";

    private void Abort(ConnectionCloseReason reason)
    {
        TrySetReason(reason);
        Volatile.Write(ref _outputCompletionRequested, 1);
        _output.Writer.CancelPendingFlush();
        try
        {
            _stop.Cancel();
        }
        catch (AggregateException)
        {
            // A registration threw; the loops still see the token.
        }
        _link.Abort();
        TryCompleteOutput();
        // Wake a reader waiting for the rest of a frame: that frame will never come, and the reader must not
        // depend on the receive loop's completion reaching it (it sees IsCanceled and returns null).
        try
        {
            _input.Reader.CancelPendingRead();
        }
        catch (InvalidOperationException)
        {
            // The reader is already completed (disposed).
        }
    }

    private void BeginGracefulShutdown()
    {
        Volatile.Write(ref _outputCompletionRequested, 1);
        TryCompleteOutput();
        // A peer that never reads or never closes its side must not hold the connection forever.
        _stop.CancelAfter(_closeTimeout);
    }

    private bool TrySetReason(ConnectionCloseReason reason) =>
        Interlocked.CompareExchange(ref _closeReason, (int)reason, (int)ConnectionCloseReason.None) == (int)ConnectionCloseReason.None;

    /// <summary>
    /// Completes the outbound pipe once it is asked for and no send holds the lock; a send that held it calls
    /// this again after releasing, so the request cannot be lost.
    /// </summary>
    private void TryCompleteOutput()
    {
        if (Volatile.Read(ref _outputCompletionRequested) == 0 || !_sendLock.Wait(0))
            return;
        try
        {
            if (Interlocked.Exchange(ref _outputCompleted, 1) == 0)
                _output.Writer.Complete();
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task RunAsync()
    {
        // Both loops start on the thread pool so the caller's context never runs them.
        var receiving = Task.Run(ReceiveLoopAsync);
        var sending = Task.Run(SendLoopAsync);
        await Task.WhenAll(receiving, sending).ConfigureAwait(false);
        _link.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var writer = _input.Writer;
        var token = _stop.Token;
        try
        {
            while (true)
            {
                var memory = writer.GetMemory(_segmentSize);
                int received = await _link.ReceiveAsync(memory, token).ConfigureAwait(false);
                if (received == 0)
                {
                    TrySetReason(ConnectionCloseReason.RemoteClosed);
                    BeginGracefulShutdown();
                    break;
                }
                writer.Advance(received);
                Interlocked.Add(ref _bytesReceived, received);
                var flush = await writer.FlushAsync(token).ConfigureAwait(false);
                if (flush.IsCompleted || flush.IsCanceled)
                    break;
            }
        }
        catch (Exception e) when (token.IsCancellationRequested && e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped on purpose (abort or close timeout); the reason is already set.
        }
        catch (Exception e)
        {
            Abort(Classify(e));
        }
        finally
        {
            writer.Complete();
            _link.CompleteReceive();
        }
    }

    private async Task SendLoopAsync()
    {
        var reader = _output.Reader;
        var token = _stop.Token;
        bool drained = false;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(token).ConfigureAwait(false);
                var buffer = result.Buffer;
                if (result.IsCanceled)
                    break;
                foreach (var segment in buffer)
                {
                    await _link.SendAsync(segment, token).ConfigureAwait(false);
                    Interlocked.Add(ref _bytesSent, segment.Length);
                }
                reader.AdvanceTo(buffer.End);
                if (result.IsCompleted)
                {
                    drained = true;
                    break;
                }
            }
        }
        catch (Exception e) when (token.IsCancellationRequested && e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        catch (Exception e)
        {
            Abort(Classify(e));
        }
        finally
        {
            reader.Complete();
            _link.CompleteSend(abortive: !drained || CloseReason is ConnectionCloseReason.LocalAbort or ConnectionCloseReason.ProtocolViolation);
        }
    }

    private static ConnectionCloseReason Classify(Exception exception) => exception switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown }
            => ConnectionCloseReason.RemoteReset,
        SocketException { SocketErrorCode: SocketError.OperationAborted or SocketError.Interrupted } or ObjectDisposedException or OperationCanceledException
            => ConnectionCloseReason.LocalAbort,
        _ => ConnectionCloseReason.TransportError,
    };
}
