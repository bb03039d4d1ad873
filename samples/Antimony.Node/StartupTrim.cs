using System.Runtime;
using Microsoft.Extensions.Hosting;

namespace Antimony.Node;

/// <summary>
/// Once the node has started, collects the start-up garbage (configuration, DI, JIT and Kestrel set-up)
/// with one aggressive, compacting collection that also returns the freed memory to the OS. An idle node
/// allocates so little that, without it, the first collection could come minutes later, and the start-up
/// garbage would sit in its resident memory until then. Ten devnet nodes share one small machine.
/// </summary>
internal sealed class StartupTrim(IHostApplicationLifetime lifetime) : IHostedService
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = TrimAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task TrimAsync(CancellationToken stopping)
    {
        try
        {
            await Task.Delay(Settle, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
