using System.Buffers;
using Antimony.Primitives.Keys;

namespace Antimony.Primitives.Signing;

/// <summary>
/// Spreads a block's signature checks over cores: the list is cut into one contiguous chunk per worker,
/// each chunk is batch-verified by the wrapped verifier, and the first failing chunk stops the rest.
/// </summary>
/// <remarks>
/// Single verifications pass straight through. A failure reports the lowest failing index among the
/// chunks that ran; when several checks are bad, which one is named may depend on scheduling.
/// </remarks>
public sealed class ParallelSignatureVerifier : ISignatureVerifier
{
    private readonly ISignatureVerifier _inner;
    private readonly int _maxDegreeOfParallelism;
    private readonly int _minimumChunk;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The verifier each chunk is given to (for example <see cref="BouncyCastleSignatureVerifier.Instance"/>).</param>
    /// <param name="maxDegreeOfParallelism">Workers at most; defaults to the processor count.</param>
    /// <param name="minimumChunk">Smallest chunk worth a worker: small batches lose more to scheduling than they gain.</param>
    public ParallelSignatureVerifier(ISignatureVerifier inner, int? maxDegreeOfParallelism = null, int minimumChunk = 16)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumChunk, 1);
        _inner = inner;
        _maxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount;
        ArgumentOutOfRangeException.ThrowIfLessThan(_maxDegreeOfParallelism, 1, nameof(maxDegreeOfParallelism));
        _minimumChunk = minimumChunk;
    }

    /// <inheritdoc />
    public bool VerifySchnorr(in XOnlyPublicKey key, ReadOnlySpan<byte> message, in SchnorrSignature signature) =>
        _inner.VerifySchnorr(key, message, signature);

    /// <inheritdoc />
    public bool VerifyEcdsa(in PublicKey key, ReadOnlySpan<byte> hash32, in EcdsaSignature signature) =>
        _inner.VerifyEcdsa(key, hash32, signature);

    /// <inheritdoc />
    /// <remarks>The span is copied to a pooled array so workers can share it; prefer the <see cref="ReadOnlyMemory{T}"/> overload.</remarks>
    public bool VerifyBatch(ReadOnlySpan<SignatureCheck> checks, out int invalidIndex)
    {
        if (ChunkCount(checks.Length) <= 1)
            return _inner.VerifyBatch(checks, out invalidIndex);
        SignatureCheck[] rented = ArrayPool<SignatureCheck>.Shared.Rent(checks.Length);
        try
        {
            checks.CopyTo(rented);
            return VerifyBatch(rented.AsMemory(0, checks.Length), out invalidIndex, CancellationToken.None);
        }
        finally
        {
            ArrayPool<SignatureCheck>.Shared.Return(rented, clearArray: true);
        }
    }

    /// <summary>
    /// Whether every check holds, verified in parallel chunks; <paramref name="invalidIndex"/> names a failing
    /// check (-1 when all hold).
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (e.g. the block is no longer wanted).</exception>
    public bool VerifyBatch(ReadOnlyMemory<SignatureCheck> checks, out int invalidIndex, CancellationToken cancellationToken)
    {
        int chunks = ChunkCount(checks.Length);
        if (chunks <= 1)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return _inner.VerifyBatch(checks.Span, out invalidIndex);
        }

        int failed = int.MaxValue;
        var options = new ParallelOptions { MaxDegreeOfParallelism = _maxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, chunks, options, (chunk, state) =>
        {
            if (state.ShouldExitCurrentIteration)
                return;
            int start = (int)((long)checks.Length * chunk / chunks);
            int end = (int)((long)checks.Length * (chunk + 1) / chunks);
            if (!_inner.VerifyBatch(checks.Span[start..end], out int local))
            {
                InterlockedMin(ref failed, start + local);
                state.Stop();
            }
        });
        invalidIndex = failed == int.MaxValue ? -1 : failed;
        return invalidIndex < 0;
    }

    private int ChunkCount(int length) => Math.Max(1, Math.Min(_maxDegreeOfParallelism, length / _minimumChunk));

    private static void InterlockedMin(ref int target, int value)
    {
        int current = Volatile.Read(ref target);
        while (value < current)
        {
            int seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
                return;
            current = seen;
        }
    }
}
