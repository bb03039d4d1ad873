using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Antimony.Simulation;

// Markdown for people, JSON for tools; both invariant-culture.
public sealed partial record SimulationReport
{
    /// <summary>The report as a Markdown table.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        Line(text, $"## Simulation: {Nodes} nodes, {Topology} topology, seed {Seed}");
        text.AppendLine();
        text.AppendLine("| metric | value |");
        text.AppendLine("| --- | --- |");
        Line(text, $"| links / miners | {Links} / {Miners} |");
        Line(text, $"| blocks mined / stale | {BlocksMined} / {StaleBlocks} (stale rate {StaleRate:P2}) |");
        Line(text, $"| final height / converged | {FinalHeight} / {(Converged ? "yes" : "NO")} |");
        Line(text, $"| propagation (per node) | {Propagation} |");
        Line(text, $"| time to 50% of nodes | {TimeToHalf} |");
        Line(text, $"| time to 90% of nodes | {TimeToNinetyPercent} |");
        Line(text, $"| time to 100% of nodes | {TimeToAll} |");
        Line(text, $"| messages / bytes / block messages | {Messages:N0} / {Bytes:N0} / {BlockMessages:N0} |");
        Line(text, $"| simulated / wall-clock time | {SimulatedTime.TotalSeconds:F0} s / {WallClock.TotalSeconds:F2} s ({SpeedUp:F0}x) |");
        Line(text, $"| final tip | `{FinalTip}` |");
        return text.ToString();
    }

    /// <summary>The report as indented JSON (camelCase; durations in milliseconds).</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("nodes", Nodes);
            json.WriteNumber("seed", Seed);
            json.WriteString("topology", Topology.ToString());
            json.WriteNumber("links", Links);
            json.WriteNumber("miners", Miners);
            json.WriteNumber("blocksMined", BlocksMined);
            json.WriteNumber("staleBlocks", StaleBlocks);
            json.WriteNumber("staleRate", StaleRate);
            json.WriteNumber("finalHeight", FinalHeight);
            json.WriteString("finalTip", FinalTip);
            json.WriteBoolean("converged", Converged);
            Write(json, "propagationMs", Propagation);
            Write(json, "timeToHalfMs", TimeToHalf);
            Write(json, "timeToNinetyPercentMs", TimeToNinetyPercent);
            Write(json, "timeToAllMs", TimeToAll);
            json.WriteNumber("messages", Messages);
            json.WriteNumber("bytes", Bytes);
            json.WriteNumber("blockMessages", BlockMessages);
            json.WriteNumber("events", Events);
            json.WriteNumber("simulatedSeconds", SimulatedTime.TotalSeconds);
            json.WriteNumber("wallClockSeconds", WallClock.TotalSeconds);
            json.WriteNumber("speedUp", SpeedUp);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Line(StringBuilder text, FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

    private static void Write(Utf8JsonWriter json, string name, DelayPercentiles delays)
    {
        json.WriteStartObject(name);
        json.WriteNumber("p50", delays.P50.TotalMilliseconds);
        json.WriteNumber("p90", delays.P90.TotalMilliseconds);
        json.WriteNumber("p99", delays.P99.TotalMilliseconds);
        json.WriteNumber("max", delays.Max.TotalMilliseconds);
        json.WriteNumber("samples", delays.Samples);
        json.WriteEndObject();
    }
}
