namespace Antimony.Rpc.Monitoring;

/// <summary>Settings of the health checks, health score and status endpoint (configuration section <c>Antimony:Monitoring</c>).</summary>
public sealed class MonitoringOptions
{
    /// <summary>The configuration section bound by default.</summary>
    public const string SectionName = "Antimony:Monitoring";

    /// <summary>Free text naming where the node runs (e.g. <c>eu-west</c>), shown in <c>/status</c>.</summary>
    public string? Region { get; set; }

    /// <summary>How often the responsiveness probe runs.</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The probe lag up to which the node counts as fully responsive; the score falls to 0 at ten times this.</summary>
    public TimeSpan ResponsiveLag { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long an error-level log entry keeps the node from counting as error-free.</summary>
    public TimeSpan ErrorWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The oldest a tip's header time may be for the node to count as synced (Bitcoin Core leaves initial block
    /// download when the tip is younger than 24 hours; a 12 s chain notices a stall much sooner).
    /// </summary>
    public TimeSpan MaxTipAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many recently connected blocks <c>/status</c> lists.</summary>
    public int RecentBlockCount { get; set; } = 20;
}
