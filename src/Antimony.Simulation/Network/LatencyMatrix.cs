namespace Antimony.Simulation.Network;

/// <summary>
/// Round-trip times between the nine <see cref="Region"/>s (symmetric, 9x9). A message takes half the round
/// trip one way; the link's serialisation delay comes on top (see <see cref="Uplink"/>).
/// </summary>
public sealed class LatencyMatrix
{
    /// <summary>The number of regions.</summary>
    public const int RegionCount = 9;

    private readonly TimeSpan[,] _roundTrip;

    private LatencyMatrix(TimeSpan[,] roundTrip) => _roundTrip = roundTrip;

    /// <summary>
    /// Typical inter-region round trips between the major cloud locations (medians of public inter-region ping
    /// tables, rounded to 5 ms), and 2 ms within a region.
    /// </summary>
    public static LatencyMatrix Default { get; } = FromMilliseconds(new double[,]
    {
        //  UsE   UsW   SaE   EuW   EuC   ApS   ApSE  ApNE  Oce
        {   2,   70,  115,   70,   90,  190,  215,  145,  200 }, // UsEast
        {  70,    2,  175,  125,  145,  215,  165,  100,  140 }, // UsWest
        { 115,  175,    2,  180,  200,  300,  325,  255,  310 }, // SaEast
        {  70,  125,  180,    2,   25,  120,  165,  200,  255 }, // EuWest
        {  90,  145,  200,   25,    2,  110,  155,  225,  245 }, // EuCentral
        { 190,  215,  300,  120,  110,    2,   60,  125,  150 }, // ApSouth
        { 215,  165,  325,  165,  155,   60,    2,   70,   90 }, // ApSoutheast
        { 145,  100,  255,  200,  225,  125,   70,    2,  105 }, // ApNortheast
        { 200,  140,  310,  255,  245,  150,   90,  105,    2 }, // Oceania
    });

    /// <summary>The same round trip between any two nodes, e.g. loopback (about 0.1 ms) to mimic a devnet on one machine.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="roundTrip"/> is negative.</exception>
    public static LatencyMatrix Uniform(TimeSpan roundTrip)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(roundTrip, TimeSpan.Zero);
        var matrix = new TimeSpan[RegionCount, RegionCount];
        for (int a = 0; a < RegionCount; a++)
            for (int b = 0; b < RegionCount; b++)
                matrix[a, b] = roundTrip;
        return new LatencyMatrix(matrix);
    }

    /// <summary>A matrix from round trips in milliseconds.</summary>
    /// <exception cref="ArgumentException">The matrix is not 9x9, not symmetric, or has a negative entry.</exception>
    public static LatencyMatrix FromMilliseconds(double[,] roundTripMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(roundTripMilliseconds);
        if (roundTripMilliseconds.GetLength(0) != RegionCount || roundTripMilliseconds.GetLength(1) != RegionCount)
            throw new ArgumentException($"The matrix must be {RegionCount}x{RegionCount}.", nameof(roundTripMilliseconds));
        var matrix = new TimeSpan[RegionCount, RegionCount];
        for (int a = 0; a < RegionCount; a++)
        {
            for (int b = 0; b < RegionCount; b++)
            {
                double value = roundTripMilliseconds[a, b];
                if (value < 0 || double.IsNaN(value) || value != roundTripMilliseconds[b, a])
                    throw new ArgumentException($"Entry [{a},{b}] must be non-negative and equal to [{b},{a}].", nameof(roundTripMilliseconds));
                matrix[a, b] = TimeSpan.FromMilliseconds(value);
            }
        }
        return new LatencyMatrix(matrix);
    }

    /// <summary>The round trip between a node in <paramref name="from"/> and one in <paramref name="to"/>.</summary>
    public TimeSpan RoundTrip(Region from, Region to) => _roundTrip[(int)from, (int)to];

    /// <summary>The one-way propagation delay: half the round trip.</summary>
    public TimeSpan OneWay(Region from, Region to) => TimeSpan.FromTicks(_roundTrip[(int)from, (int)to].Ticks / 2);
}
