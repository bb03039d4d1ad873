using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Antimony.P2P.Defences;

/// <summary>
/// The ban list's file: JSON <c>{"version":1,"bans":[{"address":"127.0.0.1","port":20005,"createdUnixMs":..,"expiresUnixMs":..}]}</c>,
/// written to a temporary file and renamed over the old one, so a crash leaves either version whole.
/// </summary>
internal static class BanListFile
{
    private const int Version = 1;

    /// <summary>Writes <paramref name="entries"/> to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, IEnumerable<BanEntry> entries)
    {
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", Version);
            json.WriteStartArray("bans");
            foreach (var entry in entries)
            {
                json.WriteStartObject();
                json.WriteString("address", entry.Address.ToString());
                json.WriteNumber("port", entry.Port);
                json.WriteNumber("createdUnixMs", entry.Created.ToUnixTimeMilliseconds());
                json.WriteNumber("expiresUnixMs", entry.Expiry.ToUnixTimeMilliseconds());
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads the file; false with the cause when it is unreadable, truncated or has an invalid entry.</summary>
    public static bool TryRead(string path, out List<BanEntry> entries, out string? error)
    {
        entries = [];
        error = null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.GetProperty("version").GetInt32() != Version)
                throw new FormatException($"unsupported version {root.GetProperty("version")}");
            foreach (var item in root.GetProperty("bans").EnumerateArray())
            {
                var address = IPAddress.Parse(item.GetProperty("address").GetString() ?? throw new FormatException("an address is null"));
                int port = item.GetProperty("port").GetInt32();
                if (port is < 0 or > IPEndPoint.MaxPort)
                    throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"port {port} is out of range"));
                var created = DateTimeOffset.FromUnixTimeMilliseconds(item.GetProperty("createdUnixMs").GetInt64());
                var expiry = DateTimeOffset.FromUnixTimeMilliseconds(item.GetProperty("expiresUnixMs").GetInt64());
                entries.Add(new BanEntry(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address, port, created, expiry));
            }
            return true;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException
                                   or ArgumentException or IOException or UnauthorizedAccessException)
        {
            entries = [];
            error = e.Message;
            return false;
        }
    }
}
