using Microsoft.Extensions.Logging;

namespace Antimony.Rpc.Monitoring;

/// <summary>
/// A logger provider that keeps the last warnings and errors in memory: the node's recent events for
/// <c>/status</c>, and the evidence for the "error-free" part of the health score. Debug and information
/// messages are not recorded (they cost nothing here: <see cref="ILogger.IsEnabled"/> says no).
/// </summary>
public sealed class RecentLogRecorder : ILoggerProvider
{
    /// <summary>How many events are kept.</summary>
    public const int Capacity = 50;

    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly Queue<RecentLogEvent> _events = new(Capacity);
    private long _lastErrorUnixMs = long.MinValue;

    /// <summary>Creates a recorder reading the clock from <paramref name="time"/>.</summary>
    public RecentLogRecorder(TimeProvider time) => _time = time ?? throw new ArgumentNullException(nameof(time));

    /// <summary>When the last error (or critical) event was logged, if any.</summary>
    public DateTimeOffset? LastError
    {
        get
        {
            long at = Interlocked.Read(ref _lastErrorUnixMs);
            return at == long.MinValue ? null : DateTimeOffset.FromUnixTimeMilliseconds(at);
        }
    }

    /// <summary>The recorded events, newest first.</summary>
    public IReadOnlyList<RecentLogEvent> Events
    {
        get
        {
            lock (_lock)
                return [.. _events.Reverse()];
        }
    }

    /// <summary>Whether an error was logged within <paramref name="window"/> of now.</summary>
    public bool HasErrorWithin(TimeSpan window) => LastError is { } at && _time.GetUtcNow() - at <= window;

    /// <summary>Records one event (also used by the loggers this provider creates).</summary>
    public void Record(LogLevel level, string category, string message)
    {
        if (level < LogLevel.Warning || level == LogLevel.None)
            return;
        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_lock)
        {
            if (_events.Count == Capacity)
                _events.Dequeue();
            _events.Enqueue(new RecentLogEvent(now, level, category, message));
        }
        if (level >= LogLevel.Error)
            Interlocked.Exchange(ref _lastErrorUnixMs, now);
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new RecordingLogger(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class RecordingLogger(RecentLogRecorder recorder, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel is >= LogLevel.Warning and < LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            string message = formatter(state, exception);
            if (exception is not null)
                message += ": " + exception.Message;
            recorder.Record(logLevel, category, message);
        }
    }
}
