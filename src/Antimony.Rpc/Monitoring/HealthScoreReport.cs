namespace Antimony.Rpc.Monitoring;

/// <summary>The node's health score (0-100) and its four parts of up to 25 points each.</summary>
/// <param name="Running">25 while the host has started and is not stopping.</param>
/// <param name="Connections">25 times the share of peer handshakes that succeeded (25 before any attempt).</param>
/// <param name="ErrorFree">25 when nothing was logged at error level within the error window, else 0.</param>
/// <param name="Responsive">25 while the responsiveness probe's lag is within bounds, falling linearly to 0 at ten times the bound.</param>
public readonly record struct HealthScoreReport(int Running, int Connections, int ErrorFree, int Responsive)
{
    /// <summary>The points of one part.</summary>
    public const int PartMaximum = 25;

    /// <summary>The sum of the four parts, 0 to 100.</summary>
    public int Score => Running + Connections + ErrorFree + Responsive;
}
