using Antimony.Mining.Search;
using Antimony.Primitives.Hashing;
using Antimony.Mining.Templates;
using Antimony.Primitives.Blocks;

namespace Antimony.Mining.Work;

/// <summary>
/// One template being mined by several threads: each runs <see cref="Run"/>, taking chunks from the shared
/// <see cref="NonceSpace"/> until a block is found or the job is abandoned (new tip, stop, fresher template).
/// </summary>
internal sealed class MiningJob : IDisposable
{
    private readonly CancellationTokenSource _cancellation;
    private readonly TaskCompletionSource<Block?> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates a job over <paramref name="space"/>, abandoned also when <paramref name="cancellationToken"/> fires.</summary>
    public MiningJob(NonceSpace space, CancellationToken cancellationToken)
    {
        Space = space;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    /// <summary>The template mined.</summary>
    public BlockTemplate Template => Space.Template;

    /// <summary>The shared search space.</summary>
    public NonceSpace Space { get; }

    /// <summary>The found block, or <see langword="null"/> when the job was abandoned first.</summary>
    public Task<Block?> Result => _result.Task;

    /// <summary>Stops the search at once (each thread within one kernel chunk); false when the job had already ended.</summary>
    public bool Abandon()
    {
        bool live = _result.TrySetResult(null);
        Cancel();
        return live;
    }

    /// <summary>One thread's search loop; <paramref name="hashed"/> is told each chunk's hash count.</summary>
    public void Run(Sha256Path path, Action<ulong> hashed)
    {
        try
        {
            var token = _cancellation.Token;
            while (!token.IsCancellationRequested)
            {
                var unit = Space.Take();
                var found = NonceSearch.Search(path, unit.Candidate.Search, unit.Start, unit.End, token);
                hashed(found.HashesComputed);
                if (found.Nonces.Count > 0)
                {
                    var candidate = unit.Candidate;
                    var block = Template.CreateBlock(candidate.Header with { Nonce = found.Nonces[0] }, candidate.Coinbase);
                    if (_result.TrySetResult(block))
                        Cancel();
                    return;
                }
            }
        }
        catch (Exception ex)
        {
            _result.TrySetException(ex);
            Cancel();
        }
    }

    /// <summary>Releases the cancellation source (after every thread has returned).</summary>
    public void Dispose() => _cancellation.Dispose();

    private void Cancel()
    {
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Abandoned after the job was over and disposed: nothing left to stop.
        }
    }
}
