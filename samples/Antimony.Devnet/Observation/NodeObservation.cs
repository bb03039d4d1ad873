using Antimony.Devnet.Rpc;
using Antimony.Devnet.State;

namespace Antimony.Devnet.Observation;

/// <summary>What one look at one node found.</summary>
/// <param name="Node">The recorded node.</param>
/// <param name="Alive">Whether its recorded process exists.</param>
/// <param name="Status">Its /status document, or null when it did not answer.</param>
/// <param name="Error">Why it did not answer.</param>
/// <param name="LatencyMs">How long /status took.</param>
internal sealed record NodeObservation(NodeRecord Node, bool Alive, StatusDocument? Status, string? Error, double LatencyMs)
{
    /// <summary>Answered within the deadline.</summary>
    public bool Responsive => Status is not null;

    /// <summary>Answered and no error among its recent events.</summary>
    public bool ErrorFree => Status is { } s && !s.RecentEvents.Any(e => string.Equals(e.Level, "Error", StringComparison.OrdinalIgnoreCase) || string.Equals(e.Level, "Critical", StringComparison.OrdinalIgnoreCase));
}
