using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Antimony.Tests.Monitoring;

/// <summary>
/// A strict parser of the Prometheus text exposition format 0.0.4, written from its specification to check
/// the exporter (and, linked, the node's <c>/metrics</c>): metric and label name grammar, HELP/TYPE lines
/// (at most one each, TYPE before the samples), label value escapes, float values, one contiguous block per
/// family, and histograms with ascending <c>le</c>, cumulative buckets, a <c>+Inf</c> bucket equal to
/// <c>_count</c>, and <c>_sum</c>. Throws <see cref="FormatException"/> naming the line.
/// </summary>
internal static partial class PrometheusTextParser
{
    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelName();

    /// <summary>One sample line.</summary>
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    /// <summary>One metric family: its name, type, help and samples.</summary>
    public sealed class Family(string name)
    {
        public string Name { get; } = name;
        public string Type { get; set; } = "untyped";
        public string? Help { get; set; }
        public List<Sample> Samples { get; } = [];
    }

    /// <summary>Parses and validates <paramref name="text"/>; the families by name.</summary>
    public static IReadOnlyDictionary<string, Family> Parse(string text)
    {
        var families = new Dictionary<string, Family>(StringComparer.Ordinal);
        var closed = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        if (text.Length > 0 && !text.EndsWith('\n'))
            throw new FormatException("The exposition must end with a line feed.");
        string[] lines = text.Split('\n');
        for (int number = 1; number <= lines.Length; number++)
        {
            string line = lines[number - 1];
            if (line.Length == 0)
                continue;
            string? family;
            if (line.StartsWith('#'))
            {
                family = ParseComment(line, number, families);
            }
            else
            {
                var sample = ParseSample(line, number);
                family = FamilyOf(sample.Name, families);
                if (!families.TryGetValue(family, out var f))
                    families[family] = f = new Family(family);
                f.Samples.Add(sample);
            }
            if (family is null)
                continue;
            if (family != current)
            {
                if (current is not null)
                    closed.Add(current);
                if (closed.Contains(family))
                    throw Fail(number, $"family {family} appears in two separate blocks");
                current = family;
            }
        }
        foreach (var f in families.Values)
        {
            if (f.Type == "histogram")
                CheckHistogram(f);
            if (f.Type == "counter" && f.Samples.Any(s => s.Value < 0 || double.IsNaN(s.Value)))
                throw new FormatException($"counter {f.Name} has a negative or NaN value");
        }
        return families;
    }

    private static string? ParseComment(string line, int number, Dictionary<string, Family> families)
    {
        string[] parts = line.Split(' ', 4);
        if (parts.Length < 3 || parts[0] != "#" || parts[1] is not ("HELP" or "TYPE"))
            return null; // a plain comment
        string name = parts[2];
        if (!MetricName().IsMatch(name))
            throw Fail(number, $"invalid metric name '{name}'");
        if (!families.TryGetValue(name, out var family))
            families[name] = family = new Family(name);
        if (parts[1] == "HELP")
        {
            if (family.Help is not null)
                throw Fail(number, $"second HELP for {name}");
            family.Help = Unescape(parts.Length > 3 ? parts[3] : "", number, inLabel: false);
        }
        else
        {
            if (family.Samples.Count > 0 || family.Type != "untyped")
                throw Fail(number, $"TYPE for {name} after its samples or repeated");
            string type = parts.Length > 3 ? parts[3] : "";
            if (type is not ("counter" or "gauge" or "histogram" or "summary" or "untyped"))
                throw Fail(number, $"unknown type '{type}'");
            family.Type = type;
        }
        return name;
    }

    private static Sample ParseSample(string line, int number)
    {
        int at = 0;
        while (at < line.Length && line[at] is not ('{' or ' '))
            at++;
        string name = line[..at];
        if (!MetricName().IsMatch(name))
            throw Fail(number, $"invalid metric name '{name}'");
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (at < line.Length && line[at] == '{')
        {
            at++;
            while (true)
            {
                if (at < line.Length && line[at] == '}')
                {
                    at++;
                    break;
                }
                int eq = line.IndexOf('=', at);
                if (eq < 0)
                    throw Fail(number, "label without '='");
                string label = line[at..eq];
                if (!LabelName().IsMatch(label) || label.StartsWith("__", StringComparison.Ordinal))
                    throw Fail(number, $"invalid label name '{label}'");
                if (eq + 1 >= line.Length || line[eq + 1] != '"')
                    throw Fail(number, "label value not quoted");
                var value = new StringBuilder();
                int i = eq + 2;
                for (; i < line.Length && line[i] != '"'; i++)
                {
                    if (line[i] == '\\')
                    {
                        if (++i >= line.Length || line[i] is not ('\\' or '"' or 'n'))
                            throw Fail(number, "bad escape in a label value");
                        value.Append(line[i] == 'n' ? '\n' : line[i]);
                    }
                    else
                    {
                        value.Append(line[i]);
                    }
                }
                if (i >= line.Length)
                    throw Fail(number, "unterminated label value");
                if (!labels.TryAdd(label, value.ToString()))
                    throw Fail(number, $"label {label} repeated");
                at = i + 1;
                if (at < line.Length && line[at] == ',')
                    at++;
                else if (at >= line.Length || line[at] != '}')
                    throw Fail(number, "expected ',' or '}' after a label");
            }
        }
        if (at >= line.Length || line[at] != ' ')
            throw Fail(number, "expected a space before the value");
        string[] rest = line[(at + 1)..].Split(' ');
        if (rest.Length is < 1 or > 2)
            throw Fail(number, "expected a value and an optional timestamp");
        double parsed = rest[0] switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            var v when double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => d,
            var v => throw Fail(number, $"invalid value '{v}'"),
        };
        if (rest.Length == 2 && !long.TryParse(rest[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            throw Fail(number, $"invalid timestamp '{rest[1]}'");
        return new Sample(name, labels, parsed);
    }

    // A histogram's samples are name_bucket, name_sum and name_count; their family is the declared name.
    private static string FamilyOf(string sample, Dictionary<string, Family> families)
    {
        foreach (string suffix in (string[])["_bucket", "_sum", "_count"])
        {
            if (sample.EndsWith(suffix, StringComparison.Ordinal) && families.TryGetValue(sample[..^suffix.Length], out var f) && f.Type is "histogram" or "summary")
                return f.Name;
        }
        return sample;
    }

    private static void CheckHistogram(Family family)
    {
        var groups = family.Samples.GroupBy(s => string.Join(",", s.Labels.Where(l => l.Key != "le").OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value)));
        foreach (var group in groups)
        {
            var buckets = group.Where(s => s.Name == family.Name + "_bucket").ToList();
            if (buckets.Count == 0 || buckets.Any(b => !b.Labels.ContainsKey("le")))
                throw new FormatException($"histogram {family.Name}{{{group.Key}}} lacks buckets with le");
            double previousBound = double.NegativeInfinity, previousCount = 0;
            foreach (var bucket in buckets)
            {
                double bound = bucket.Labels["le"] == "+Inf" ? double.PositiveInfinity : double.Parse(bucket.Labels["le"], CultureInfo.InvariantCulture);
                if (bound <= previousBound)
                    throw new FormatException($"histogram {family.Name}: le {bound} not ascending");
                if (bucket.Value < previousCount)
                    throw new FormatException($"histogram {family.Name}: bucket le={bound} count {bucket.Value} below the previous {previousCount}");
                previousBound = bound;
                previousCount = bucket.Value;
            }
            if (!double.IsPositiveInfinity(previousBound))
                throw new FormatException($"histogram {family.Name}{{{group.Key}}} lacks the +Inf bucket");
            var count = group.SingleOrDefault(s => s.Name == family.Name + "_count") ?? throw new FormatException($"histogram {family.Name} lacks _count");
            _ = group.SingleOrDefault(s => s.Name == family.Name + "_sum") ?? throw new FormatException($"histogram {family.Name} lacks _sum");
            if (count.Value != previousCount)
                throw new FormatException($"histogram {family.Name}: _count {count.Value} differs from the +Inf bucket {previousCount}");
        }
    }

    private static string Unescape(string text, int number, bool inLabel)
    {
        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\')
            {
                builder.Append(text[i]);
                continue;
            }
            if (++i >= text.Length || text[i] is not ('\\' or 'n') && !(inLabel && text[i] == '"'))
                throw Fail(number, "bad escape");
            builder.Append(text[i] == 'n' ? '\n' : text[i]);
        }
        return builder.ToString();
    }

    private static FormatException Fail(int line, string message) => new($"line {line}: {message}");
}
