using System.Text.Json.Nodes;
using Xunit;

namespace Antimony.Devnet.Tests;

/// <summary><c>atmn-devnet simulate</c> runs the simulator from the command line, repeatably from a seed.</summary>
public sealed class SimulateCommandTests
{
    [Fact]
    public async Task The_same_seed_prints_the_same_report_and_every_node_converges()
    {
        var first = await Simulate("--seed", "7");
        var second = await Simulate("--seed", "7");
        var other = await Simulate("--seed", "8");

        Assert.Equal(Deterministic(first), Deterministic(second));
        Assert.NotEqual(first["finalTip"]!.ToString(), other["finalTip"]!.ToString());
        Assert.Equal(20, first["nodes"]!.GetValue<int>());
        Assert.True(first["converged"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Invalid_settings_are_a_usage_error()
    {
        var run = await ToolProcess.DevnetAsync(TimeSpan.FromMinutes(2), "simulate", "--nodes", "1");
        Assert.Equal(2, run.ExitCode);
    }

    private static async Task<JsonObject> Simulate(params string[] arguments)
    {
        var run = await ToolProcess.DevnetAsync(TimeSpan.FromMinutes(2), ["simulate", "--nodes", "20", "--blocks", "10", "--json", .. arguments]);
        Assert.True(run.ExitCode == 0, run.Output);
        return JsonNode.Parse(run.Output)!.AsObject();
    }

    // Everything but the wall-clock time, which is the one thing a simulation on virtual time does not control.
    private static string Deterministic(JsonObject report)
    {
        var copy = report.DeepClone().AsObject();
        copy.Remove("wallClockSeconds");
        copy.Remove("speedUp");
        return copy.ToJsonString();
    }
}
