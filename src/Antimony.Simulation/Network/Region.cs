namespace Antimony.Simulation.Network;

/// <summary>
/// The nine regions nodes are placed in, one per major cloud location, as the devnet labels its nodes; the
/// latencies between them come from <see cref="LatencyMatrix"/>.
/// </summary>
public enum Region
{
    /// <summary>North America, east (N. Virginia).</summary>
    UsEast = 0,

    /// <summary>North America, west (Oregon).</summary>
    UsWest = 1,

    /// <summary>South America (São Paulo).</summary>
    SaEast = 2,

    /// <summary>Europe, west (Ireland).</summary>
    EuWest = 3,

    /// <summary>Europe, central (Frankfurt).</summary>
    EuCentral = 4,

    /// <summary>South Asia (Mumbai).</summary>
    ApSouth = 5,

    /// <summary>South-east Asia (Singapore).</summary>
    ApSoutheast = 6,

    /// <summary>North-east Asia (Tokyo).</summary>
    ApNortheast = 7,

    /// <summary>Oceania (Sydney).</summary>
    Oceania = 8,
}
