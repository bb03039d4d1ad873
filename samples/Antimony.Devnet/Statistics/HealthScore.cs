namespace Antimony.Devnet.Statistics;

/// <summary>
/// The network's 0-100 health score of the original product: four parts worth 25 points each. Running: the share
/// of recorded nodes whose process is alive. Connections: the share of handshakes that succeeded (all of them when
/// none were tried). Error-free: the share of answering nodes whose recent events hold no error. Responsive: the
/// share of nodes whose <c>/status</c> answered within the deadline.
/// </summary>
/// <param name="Running">Points for running processes (0-25).</param>
/// <param name="Connections">Points for handshake success (0-25).</param>
/// <param name="ErrorFree">Points for error-free operation (0-25).</param>
/// <param name="Responsive">Points for responsiveness (0-25).</param>
internal readonly record struct HealthScore(double Running, double Connections, double ErrorFree, double Responsive)
{
    /// <summary>The points of one part.</summary>
    public const double PartPoints = 25;

    /// <summary>The total, rounded to a whole number (0-100).</summary>
    public int Total => (int)Math.Round(Running + Connections + ErrorFree + Responsive);

    /// <summary>Computes the score from counts; any denominator of zero scores that part zero (except handshakes: none tried is not a failure).</summary>
    /// <param name="nodes">Nodes recorded in the state file.</param>
    /// <param name="running">Of those, processes alive.</param>
    /// <param name="handshakesSucceeded">Handshakes that succeeded, summed over nodes.</param>
    /// <param name="handshakesFailed">Handshakes that failed, summed over nodes.</param>
    /// <param name="errorFree">Answering nodes without an error among their recent events.</param>
    /// <param name="responsive">Nodes whose status answered in time.</param>
    public static HealthScore Compute(int nodes, int running, long handshakesSucceeded, long handshakesFailed, int errorFree, int responsive)
    {
        double Share(double part, double whole) => whole <= 0 ? 0 : Math.Clamp(part / whole, 0, 1) * PartPoints;
        long tried = handshakesSucceeded + handshakesFailed;
        return new HealthScore(
            Share(running, nodes),
            tried == 0 ? (responsive > 0 ? PartPoints : 0) : Share(handshakesSucceeded, tried),
            Share(errorFree, responsive),
            Share(responsive, nodes));
    }
}
