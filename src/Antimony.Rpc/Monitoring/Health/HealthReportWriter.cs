using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Antimony.Rpc.Monitoring.Health;

/// <summary>
/// Writes <c>/health</c>'s body: the overall status, the health score, and each check with its status,
/// description and data, as camelCase JSON.
/// </summary>
internal static class HealthReportWriter
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var score = context.RequestServices.GetService(typeof(HealthScore)) is HealthScore health ? health.Evaluate() : default(HealthScoreReport?);
        await using var json = new Utf8JsonWriter(context.Response.Body, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteNumber("durationMs", Math.Round(report.TotalDuration.TotalMilliseconds, 3));
        if (score is { } s)
            json.WriteNumber("score", s.Score);
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteString("description", entry.Description);
            if (entry.Exception is { } exception)
                json.WriteString("error", exception.Message);
            json.WriteStartObject("data");
            foreach (var (key, value) in entry.Data)
            {
                switch (value)
                {
                    case int i: json.WriteNumber(key, i); break;
                    case long l: json.WriteNumber(key, l); break;
                    case double d: json.WriteNumber(key, d); break;
                    case bool b: json.WriteBoolean(key, b); break;
                    default: json.WriteString(key, value?.ToString()); break;
                }
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
