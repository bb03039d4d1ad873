using System.Diagnostics.Metrics;
using Antimony.Consensus.Chain;
using Antimony.Consensus.Events;
using Antimony.Mining.Hosting;
using Antimony.Mining.Search;
using Antimony.Primitives.Hashing;
using Antimony.Mining.Templates;
using Antimony.Mining.Work;
using Antimony.Primitives.Blocks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Antimony.Mining.Service;

/// <summary>
/// The node's miner: takes templates from the <see cref="IBlockTemplateSource"/>, searches them on
/// <see cref="Threads"/> threads with the SIMD nonce kernel (rolling the extra-nonce when a nonce space is
/// used up), and submits found blocks to <see cref="ChainState.ProcessBlockAsync"/>. A new tip abandons the
/// current work at once. Starts with the host when <see cref="MiningOptions.StartOnLaunch"/> is set, and can
/// be started and stopped at run time.
/// </summary>
/// <remarks>
/// Hash rate, hashes, blocks found and stale work are published on meter <c>Antimony.Mining</c> and as properties.
/// </remarks>
public sealed class MinerService : BackgroundService
{
    private readonly ChainState _chain;
    private readonly IChainEvents _events;
    private readonly IBlockTemplateSource _templates;
    private readonly MiningOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly MinerMetrics _metrics;
    private readonly Lock _lock = new();
    private CancellationTokenSource? _session;
    private Task _loop = Task.CompletedTask;
    private MiningJob? _job;
    private volatile MinerState _state;
    private int _threads;

    /// <summary>Creates a stopped miner; it follows <paramref name="events"/> for new tips.</summary>
    public MinerService(
        ChainState chain,
        IChainEvents events,
        IBlockTemplateSource templates,
        IOptions<MiningOptions> options,
        TimeProvider timeProvider,
        ILogger<MinerService>? logger = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _chain = chain;
        _events = events;
        _templates = templates;
        _options = options.Value;
        _time = timeProvider;
        _logger = logger ?? NullLogger<MinerService>.Instance;
        _metrics = new MinerMetrics(meterFactory, timeProvider);
        _threads = _options.Threads;
        _events.TipChanged += OnTipChanged;
    }

    /// <summary>Whether the miner is running.</summary>
    public MinerState State => _state;

    /// <summary>The number of search threads of the running (or last) session.</summary>
    public int Threads => Volatile.Read(ref _threads);

    /// <summary>Hashes per second since the previous reading (readings at least a second apart).</summary>
    public double HashRate => _metrics.HashRate;

    /// <summary>Header hashes computed since the service was created.</summary>
    public long HashesComputed => _metrics.TotalHashes;

    /// <summary>Blocks found and accepted onto the active chain since the service was created.</summary>
    public long BlocksFound => _metrics.BlocksFound;

    /// <summary>Jobs abandoned on a new tip, plus found blocks that ended on a side chain.</summary>
    public long StaleWork => _metrics.Stale;

    /// <summary>The template being mined, if any.</summary>
    public BlockTemplate? CurrentTemplate => Volatile.Read(ref _job)?.Template;

    /// <summary>The kernel the threads use; tests may pin the scalar one.</summary>
    internal Sha256Path Path { get; set; } = NonceSearch.BestPath;

    /// <summary>Nonces per chunk a thread takes; <see langword="null"/> sizes them to the target (tests shrink them with <see cref="NonceRangeEnd"/> to force extra-nonce rolls).</summary>
    internal uint? ChunkSize { get; set; }

    /// <summary>The end of each extra-nonce's nonce range: 2^32 except in tests.</summary>
    internal ulong NonceRangeEnd { get; set; } = NonceSpace.FullRange;

    /// <summary>The highest extra-nonce reached on the current template.</summary>
    internal ulong CurrentExtraNonce => Volatile.Read(ref _job)?.Space.ExtraNonce ?? 0;

    /// <summary>Starts mining with <paramref name="threads"/> threads (the configured count by default); false when already running.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is outside 1 to four times the processor count.</exception>
    public bool StartMining(int? threads = null)
    {
        int count = threads ?? _options.Threads;
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1, nameof(threads));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Environment.ProcessorCount * 4, nameof(threads));
        lock (_lock)
        {
            if (_state == MinerState.Running)
                return false;
            _session = new CancellationTokenSource();
            Volatile.Write(ref _threads, count);
            _state = MinerState.Running;
            var token = _session.Token;
            _loop = Task.Run(() => RunAsync(count, token), CancellationToken.None);
            return true;
        }
    }

    /// <summary>Stops mining and waits until every thread has returned; does nothing when stopped.</summary>
    public async Task StopMiningAsync()
    {
        Task loop;
        CancellationTokenSource? session;
        lock (_lock)
        {
            session = _session;
            _session = null;
            loop = _loop;
            session?.Cancel();
        }
        await loop.ConfigureAwait(false);
        session?.Dispose();
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await StopMiningAsync().ConfigureAwait(false);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _events.TipChanged -= OnTipChanged;
        lock (_lock)
            _session?.Cancel();
        _metrics.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.StartOnLaunch && !stoppingToken.IsCancellationRequested)
            StartMining();
        return Task.CompletedTask;
    }

    private async Task RunAsync(int threads, CancellationToken token)
    {
        var path = Path;
        Log.Started(_logger, threads, path.ToString());
        var final = MinerState.Stopped;
        try
        {
            while (!token.IsCancellationRequested)
            {
                var template = _templates.GetTemplate();
                if (await WaitForClockAsync(template, token).ConfigureAwait(false))
                    continue;
                Log.Mining(_logger, template.Height, template.PreviousBlock.ToString(), template.Transactions.Length, template.Fees.ToString(), template.Bits.ToString());
                using var job = new MiningJob(new NonceSpace(template, _time, ChunkSize, NonceRangeEnd), token);
                Volatile.Write(ref _job, job);
                // A tip that moved while the template was built would be missed by the handler: check once more.
                if (_templates.IsOutdated(template))
                {
                    job.Abandon();
                    continue;
                }
                var workers = new Task[threads];
                for (int i = 0; i < threads; i++)
                    workers[i] = Task.Factory.StartNew(() => job.Run(path, _metrics.Hashed), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                Block? block;
                try
                {
                    block = await WaitAsync(job, token).ConfigureAwait(false);
                }
                finally
                {
                    job.Abandon();
                    await Task.WhenAll(workers).ConfigureAwait(false);
                }
                if (block is not null)
                    await SubmitAsync(template, block, token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Log.Failed(_logger, ex);
            final = MinerState.Faulted;
        }
        finally
        {
            Volatile.Write(ref _job, null);
            lock (_lock)
                _state = final;
            Log.Stopped(_logger);
        }
    }

    // A burst of blocks (regtest) pushes median time past, and with it the earliest valid time, ahead of the clock
    // by a second every six blocks; a header more than MaxFutureBlockTime ahead would be rejected, so wait instead.
    private async Task<bool> WaitForClockAsync(BlockTemplate template, CancellationToken token)
    {
        long latest = _time.GetUtcNow().ToUnixTimeSeconds() + (long)_chain.Parameters.MaxFutureBlockTime.TotalSeconds;
        if (template.MinTime <= latest)
            return false;
        await Task.Delay(TimeSpan.FromSeconds(template.MinTime - latest), _time, token).ConfigureAwait(false);
        return true;
    }

    // Waits for the job's result, asking every refresh interval whether enough new fees warrant a new template.
    private async Task<Block?> WaitAsync(MiningJob job, CancellationToken token)
    {
        while (true)
        {
            try
            {
                return await job.Result.WaitAsync(_options.TemplateRefreshInterval, _time, token).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                if (_templates.IsOutdated(job.Template))
                    return null;
            }
        }
    }

    private async Task SubmitAsync(BlockTemplate template, Block block, CancellationToken token)
    {
        var result = await _chain.ProcessBlockAsync(block, token).ConfigureAwait(false);
        string hash = block.Hash.ToString();
        switch (result.Acceptance)
        {
            case BlockAcceptance.Active:
                _metrics.BlockFound();
                Log.BlockFound(_logger, template.Height, hash, block.Header.Nonce, template.Transactions.Length, template.Fees.ToString());
                break;
            case BlockAcceptance.SideChain:
                _metrics.StaleWork();
                Log.BlockStale(_logger, hash, template.Height);
                break;
            case BlockAcceptance.Rejected:
                Log.BlockRejected(_logger, hash, template.Height, result.Result.ToString());
                break;
        }
    }

    private void OnTipChanged(object? sender, TipChangedEventArgs e)
    {
        var job = Volatile.Read(ref _job);
        if (job is not null && job.Template.PreviousBlock != e.NewTip.Hash && job.Abandon())
        {
            _metrics.StaleWork();
            Log.WorkAbandoned(_logger, e.NewTip.Hash.ToString(), job.Template.Height);
        }
    }
}
