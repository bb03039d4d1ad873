using System.Text;

namespace Antimony.Rpc.Monitoring.Metrics;

/// <summary>
/// Turns OpenTelemetry-style instrument names and units (<c>antimony.p2p.messages</c>, <c>By</c>) into
/// Prometheus names (<c>antimony_p2p_messages_total</c>), following the OpenTelemetry-to-Prometheus
/// conventions: invalid characters become <c>_</c>, a unit suffix is appended once, counters end in <c>_total</c>.
/// </summary>
internal static class PrometheusNames
{
    /// <summary>The Prometheus name of an instrument.</summary>
    public static string Metric(string instrumentName, string? unit, bool isCounter)
    {
        string name = Sanitise(instrumentName, allowColon: true);
        if (UnitSuffix(unit) is { } suffix && !name.EndsWith("_" + suffix, StringComparison.Ordinal) && !name.Contains("_" + suffix + "_", StringComparison.Ordinal))
            name += "_" + suffix;
        if (isCounter && !name.EndsWith("_total", StringComparison.Ordinal))
            name += "_total";
        return name;
    }

    /// <summary>A valid label name (<c>[a-zA-Z_][a-zA-Z0-9_]*</c>, never the reserved <c>__</c> prefix).</summary>
    public static string Label(string key)
    {
        string name = Sanitise(key, allowColon: false);
        return name.StartsWith("__", StringComparison.Ordinal) ? "x" + name : name;
    }

    // Units of UCUM as .NET's built-in meters write them; annotations in braces ({peer}) carry no unit.
    private static string? UnitSuffix(string? unit) => unit switch
    {
        "By" => "bytes",
        "s" => "seconds",
        "ms" => "milliseconds",
        "us" => "microseconds",
        "%" => "percent",
        _ => null,
    };

    private static string Sanitise(string raw, bool allowColon)
    {
        if (raw.Length == 0)
            return "_";
        var builder = new StringBuilder(raw.Length + 1);
        if (char.IsAsciiDigit(raw[0]))
            builder.Append('_');
        foreach (char c in raw)
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':') ? c : '_');
        return builder.ToString();
    }
}
