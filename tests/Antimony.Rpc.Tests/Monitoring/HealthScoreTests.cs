using Antimony.Rpc.Monitoring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Antimony.Tests.Monitoring;

public sealed class HealthScoreTests
{
    private static readonly IOptions<MonitoringOptions> Defaults = Options.Create(new MonitoringOptions());

    [Fact]
    public async Task A_quiet_responsive_node_without_failed_handshakes_scores_100()
    {
        var probe = new ResponsivenessProbe(Defaults, TimeProvider.System);
        await probe.ProbeAsync();
        var score = new HealthScore(new RecentLogRecorder(TimeProvider.System), probe, Defaults).Evaluate();
        Assert.Equal(new HealthScoreReport(25, 25, 25, 25), score);
        Assert.Equal(100, score.Score);
    }

    [Fact]
    public void An_error_in_the_window_costs_the_error_free_part_and_shows_in_recent_events()
    {
        var log = new RecentLogRecorder(TimeProvider.System);
        var logger = log.CreateLogger("Antimony.Test");
        logger.LogInformation("not recorded");
        logger.LogWarning("a warning");
        Assert.False(log.HasErrorWithin(TimeSpan.FromMinutes(1)));
        logger.LogError(new InvalidOperationException("disk full"), "flush failed");

        var score = new HealthScore(log, new ResponsivenessProbe(Defaults, TimeProvider.System), Defaults).Evaluate();

        Assert.Equal(0, score.ErrorFree);
        Assert.Equal(75, score.Score);
        Assert.Equal(["flush failed: disk full", "a warning"], log.Events.Select(e => e.Message));
    }

    [Fact]
    public void The_connections_part_is_the_share_of_successful_handshakes()
    {
        Assert.Equal(19, HealthScore.ConnectionsPart(succeeded: 3, failed: 1)); // 25 * 3/4, rounded
        Assert.Equal(25, HealthScore.ConnectionsPart(0, 0));                      // no attempt yet: nothing failed
        Assert.Equal(0, HealthScore.ConnectionsPart(0, 5));
    }
}
