using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Antimony.Rpc.Monitoring;

/// <summary>
/// Measures how promptly the process runs work: every <see cref="MonitoringOptions.ProbeInterval"/> it
/// queues one work item on the thread pool and times how long the item waited, plus how late the timer
/// itself fired. A starved thread pool, a long GC pause or a machine out of CPU shows up as lag. One wake-up
/// per interval (5 s by default), so the probe costs nothing measurable on an idle node.
/// </summary>
public sealed class ResponsivenessProbe : BackgroundService
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private long _lastLagTicks = -1;
    private long _lastProbeTimestamp;

    /// <summary>Creates the probe.</summary>
    public ResponsivenessProbe(IOptions<MonitoringOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _interval = options.Value.ProbeInterval;
    }

    /// <summary>The lag measured by the last probe, or <see langword="null"/> before the first.</summary>
    public TimeSpan? LastLag => Interlocked.Read(ref _lastLagTicks) is var ticks and >= 0 ? TimeSpan.FromTicks(ticks) : null;

    /// <summary>The time since the last probe completed, or <see langword="null"/> before the first.</summary>
    public TimeSpan? SinceLastProbe => Interlocked.Read(ref _lastProbeTimestamp) is var at and not 0 ? _time.GetElapsedTime(at) : null;

    /// <summary>The probing interval.</summary>
    public TimeSpan Interval => _interval;

    /// <summary>Runs one probe now and returns its lag (also recorded as <see cref="LastLag"/>).</summary>
    public async Task<TimeSpan> ProbeAsync(TimeSpan timerLateness = default)
    {
        long queued = _time.GetTimestamp();
        var ran = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        ThreadPool.UnsafeQueueUserWorkItem(static state => state.TrySetResult(0), ran, preferLocal: false);
        await ran.Task.ConfigureAwait(false);
        var lag = _time.GetElapsedTime(queued) + (timerLateness > TimeSpan.Zero ? timerLateness : TimeSpan.Zero);
        Interlocked.Exchange(ref _lastLagTicks, lag.Ticks);
        Interlocked.Exchange(ref _lastProbeTimestamp, _time.GetTimestamp());
        return lag;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ProbeAsync().ConfigureAwait(false);
        using var timer = new PeriodicTimer(_interval, _time);
        long expected = _time.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var late = _time.GetElapsedTime(expected) - _interval;
                await ProbeAsync(late).ConfigureAwait(false);
                expected = _time.GetTimestamp();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
