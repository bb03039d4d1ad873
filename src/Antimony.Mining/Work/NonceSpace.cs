using Antimony.Mining.Search;
using Antimony.Mining.Templates;
using Antimony.Primitives.Numerics;

namespace Antimony.Mining.Work;

/// <summary>
/// The search space of one template, handed out to any number of threads in chunks: chunk k covers nonces
/// <c>[(k mod c)·size, (k mod c + 1)·size)</c> of extra-nonce <c>k div c</c>, with c chunks per 32-bit nonce
/// space. So threads split each nonce space between them, and when it is used up the extra-nonce rolls:
/// a new coinbase, a merkle root folded up the template's branch (one hash per level), and a header time
/// rolled forward to the clock (never below the template's, which is at least median time past + 1).
/// </summary>
/// <remarks>
/// Lock-free per chunk (one interlocked increment); the header of a new extra-nonce is built once, under a lock,
/// by the first thread that needs it. The 64-bit extra-nonce cannot run out in practice.
/// </remarks>
internal sealed class NonceSpace
{
    /// <summary>The full 32-bit nonce space.</summary>
    public const ulong FullRange = 1UL << 32;

    /// <summary>The largest chunk: about 1 M nonces, tens of milliseconds of one core's work.</summary>
    public const uint MaxChunkSize = 1u << 20;

    /// <summary>The smallest chunk a target picks (sixteen 16-lane kernel passes).</summary>
    public const uint MinChunkSize = 256;

    private readonly BlockTemplate _template;
    private readonly TimeProvider _time;
    private readonly uint _chunkSize;
    private readonly ulong _rangeEnd;
    private readonly long _chunksPerExtraNonce;
    private readonly byte[] _target = new byte[HeaderTemplate.TargetSize];
    private readonly Lock _lock = new();
    private long _next = -1;
    private HeaderCandidate? _latest;
    private int _built;

    /// <summary>
    /// Creates the space of <paramref name="template"/>, in chunks of <paramref name="chunkSize"/> nonces (by default
    /// sized to the target, see <see cref="ChunkSizeFor"/>); a smaller <paramref name="rangeEnd"/> than 2^32 lets
    /// tests exhaust it quickly.
    /// </summary>
    public NonceSpace(BlockTemplate template, TimeProvider timeProvider, uint? chunkSize = null, ulong rangeEnd = FullRange)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(timeProvider);
        chunkSize ??= ChunkSizeFor(template.Target);
        ArgumentOutOfRangeException.ThrowIfZero(chunkSize.Value);
        ArgumentOutOfRangeException.ThrowIfZero(rangeEnd);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rangeEnd, FullRange);
        _template = template;
        _time = timeProvider;
        _chunkSize = chunkSize.Value;
        _rangeEnd = rangeEnd;
        _chunksPerExtraNonce = (long)((rangeEnd + _chunkSize - 1) / _chunkSize);
        template.Target.WriteLittleEndian(_target);
    }

    /// <summary>
    /// A chunk of about a quarter of the hashes a block takes on average, between <see cref="MinChunkSize"/> and
    /// <see cref="MaxChunkSize"/>. The search reports every nonce of a chunk that meets the target; on an easy target
    /// (regtest: about half of all nonces) a large chunk would spend its time confirming hits instead of returning one.
    /// </summary>
    public static uint ChunkSizeFor(UInt256 target)
    {
        var expected = CompactTarget.WorkFor(target);
        if (expected >= (UInt256)(4UL * MaxChunkSize))
            return MaxChunkSize;
        return (uint)Math.Max(MinChunkSize, (ulong)expected / 4);
    }

    /// <summary>The template searched.</summary>
    public BlockTemplate Template => _template;

    /// <summary>The highest extra-nonce whose header has been built so far.</summary>
    public ulong ExtraNonce => Volatile.Read(ref _latest)?.ExtraNonce ?? 0;

    /// <summary>How many extra-nonce headers were built (each one coinbase and one merkle fold).</summary>
    public int HeadersBuilt => Volatile.Read(ref _built);

    /// <summary>The next chunk.</summary>
    public WorkUnit Take()
    {
        long k = Interlocked.Increment(ref _next);
        ulong extraNonce = (ulong)(k / _chunksPerExtraNonce);
        ulong start = (ulong)(k % _chunksPerExtraNonce) * _chunkSize;
        return new WorkUnit(GetCandidate(extraNonce), (uint)start, Math.Min(start + _chunkSize, _rangeEnd));
    }

    private HeaderCandidate GetCandidate(ulong extraNonce)
    {
        var latest = Volatile.Read(ref _latest);
        if (latest is not null && latest.ExtraNonce == extraNonce)
            return latest;
        lock (_lock)
        {
            latest = _latest;
            if (latest is not null && latest.ExtraNonce == extraNonce)
                return latest;
            var candidate = Build(extraNonce);
            Interlocked.Increment(ref _built);
            // A thread that took the last chunk of an older extra-nonce late builds that one again; keep the newest.
            if (latest is null || extraNonce > latest.ExtraNonce)
                Volatile.Write(ref _latest, candidate);
            return candidate;
        }
    }

    private HeaderCandidate Build(ulong extraNonce)
    {
        var coinbase = _template.CreateCoinbase(extraNonce);
        // Rolling the time to the clock keeps the header close to real time on long searches (the next block's
        // LWMA reads it); it stays within the rules: above median time past (the template's time is) and never
        // ahead of the clock, far inside the 180 s future limit.
        long now = _time.GetUtcNow().ToUnixTimeSeconds();
        uint time = (uint)Math.Clamp(Math.Max(now, _template.Time), 0, uint.MaxValue);
        var header = _template.CreateHeader(coinbase, time, 0);
        return new HeaderCandidate(extraNonce, coinbase, header, new HeaderTemplate(header.ToBytes(), _target));
    }
}
