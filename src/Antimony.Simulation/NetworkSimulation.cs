using System.Diagnostics;
using Antimony.Simulation.Engine;

namespace Antimony.Simulation;

/// <summary>
/// The simulator's entry point: runs hundreds to thousands of full nodes in one process on virtual time and
/// reports block propagation and stale blocks (see the package README for the model).
/// </summary>
public static class NetworkSimulation
{
    /// <summary>
    /// Runs the simulation described by <paramref name="settings"/> on the calling thread and returns its report;
    /// equal settings give equal reports apart from <see cref="SimulationReport.WallClock"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static SimulationReport Run(SimulationSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        long started = Stopwatch.GetTimestamp();
        var report = new SimulationRun(settings).Run(cancellationToken);
        return report with { WallClock = Stopwatch.GetElapsedTime(started) };
    }
}
