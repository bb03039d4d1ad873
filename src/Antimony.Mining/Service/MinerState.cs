namespace Antimony.Mining.Service;

/// <summary>What the miner is doing.</summary>
public enum MinerState
{
    /// <summary>Not mining (never started, or stopped).</summary>
    Stopped = 0,

    /// <summary>Searching on the current tip with the configured threads.</summary>
    Running = 1,

    /// <summary>The mining loop ended on an unexpected error (logged); <see cref="MinerService.StartMining"/> may try again.</summary>
    Faulted = 2,
}
