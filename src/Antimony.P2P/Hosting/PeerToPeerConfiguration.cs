using System.Net;
using Microsoft.Extensions.Configuration;

namespace Antimony.P2P.Hosting;

/// <summary>
/// Reads <see cref="PeerToPeerOptions"/> from a configuration section (<c>Antimony:P2P</c> by default). Scalars
/// (counts, rates, <c>TimeSpan</c>s such as <c>"00:00:10"</c>, paths) go through the configuration binder;
/// endpoints and addresses are strings (<c>"127.0.0.1:20000"</c>, <c>"[::1]:20000"</c>, <c>"127.0.0.1"</c>),
/// as arrays (<c>Bootstrap:0</c>, <c>Bootstrap:1</c>) or one comma-separated value, which the binder cannot
/// convert. Values that do not parse are recorded and refused by the validator at start, with their key.
/// </summary>
internal static class PeerToPeerConfiguration
{
    /// <summary>The default section.</summary>
    public const string SectionName = "Antimony:P2P";

    /// <summary>Applies <paramref name="section"/> (if it exists) to <paramref name="options"/>.</summary>
    public static void Bind(IConfiguration? section, PeerToPeerOptions options)
    {
        if (section is null || (section is IConfigurationSection s && !s.Exists()))
            return;
        try
        {
            // The binding generator skips the endpoint and address properties (SYSLIB1100/1101, silenced in the
            // project file); they are parsed below.
            section.Bind(options);
        }
        catch (InvalidOperationException e)
        {
            options.ConfigurationErrors.Add(e.InnerException is null ? e.Message : $"{e.Message} {e.InnerException.Message}");
        }
        var listen = section.GetSection(nameof(PeerToPeerOptions.Listen));
        if (listen.Value is { } text)
            options.Listen = ParseEndPoint(listen.Path, text, options, allowPortZero: true);
        if (Strings(section.GetSection(nameof(PeerToPeerOptions.Bootstrap))) is { } bootstrap)
            options.Bootstrap = [.. bootstrap.Select(e => ParseEndPoint(e.Path, e.Text, options, allowPortZero: false)).OfType<IPEndPoint>()];
        if (Strings(section.GetSection(nameof(PeerToPeerOptions.AllowList))) is { } allow)
            options.AllowList = [.. allow.Select(e => ParseAddress(e.Path, e.Text, options)).OfType<IPAddress>()];
    }

    // The strings of an array section, or of a comma-separated value; null when the key is absent. An empty
    // value is an empty list (e.g. AllowList="" turns the allow list off).
    private static List<(string Path, string Text)>? Strings(IConfigurationSection section)
    {
        if (section.Value is { } value)
            return [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => (section.Path, t))];
        var children = section.GetChildren().Where(c => c.Value is not null).ToList();
        return children.Count == 0 ? null : [.. children.Select(c => (c.Path, c.Value!.Trim()))];
    }

    private static IPEndPoint? ParseEndPoint(string path, string text, PeerToPeerOptions options, bool allowPortZero)
    {
        if (IPEndPoint.TryParse(text, out var endPoint) && text.Contains(':', StringComparison.Ordinal) && (allowPortZero || endPoint.Port != 0))
            return endPoint;
        options.ConfigurationErrors.Add($"{path}: '{text}' is not an IP endpoint such as 127.0.0.1:20000{(allowPortZero ? "" : " (port 0 is not allowed)")}.");
        return null;
    }

    private static IPAddress? ParseAddress(string path, string text, PeerToPeerOptions options)
    {
        if (IPAddress.TryParse(text, out var address))
            return address;
        options.ConfigurationErrors.Add($"{path}: '{text}' is not an IP address such as 127.0.0.1.");
        return null;
    }
}
