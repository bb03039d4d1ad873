using System.Globalization;
using System.Text;

namespace Antimony.Rpc.Monitoring.Metrics;

/// <summary>The escaping and number formats of the Prometheus text exposition format 0.0.4.</summary>
internal static class PrometheusText
{
    /// <summary>The content type of the format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>A sample value: Go's float syntax, with <c>+Inf</c>, <c>-Inf</c> and <c>NaN</c>.</summary>
    public static string Number(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "+Inf"
        : double.IsNegativeInfinity(value) ? "-Inf"
        : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A label value inside double quotes: backslash, double quote and line feed escaped.</summary>
    public static void AppendLabelValue(StringBuilder builder, string value)
    {
        foreach (char c in value)
        {
            _ = c switch
            {
                '\\' => builder.Append("\\\\"),
                '"' => builder.Append("\\\""),
                '\n' => builder.Append("\\n"),
                _ => builder.Append(c),
            };
        }
    }

    /// <summary>HELP text: backslash and line feed escaped (double quotes stay).</summary>
    public static string Help(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>A tag value as label text (invariant culture; booleans as <c>true</c>/<c>false</c>).</summary>
    public static string TagValue(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
