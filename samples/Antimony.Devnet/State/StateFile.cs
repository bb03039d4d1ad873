using System.Text.Json;
using System.Text.Json.Serialization;

namespace Antimony.Devnet.State;

/// <summary>
/// The state file <c>devnet.json</c> in the devnet's data directory: written atomically (temporary file, then
/// rename) with owner-only permissions, read by every command after <c>up</c>, deleted by <c>down</c>.
/// </summary>
internal static class StateFile
{
    /// <summary>The file name inside the devnet directory.</summary>
    public const string FileName = "devnet.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The state file's path for the devnet in <paramref name="directory"/>.</summary>
    public static string PathIn(string directory) => Path.Combine(Path.GetFullPath(directory), FileName);

    /// <summary>Writes <paramref name="state"/> into <paramref name="directory"/>, replacing any previous file.</summary>
    public static void Save(string directory, DevnetState state)
    {
        Directory.CreateDirectory(directory);
        string path = PathIn(directory);
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(state, Json));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads the state of the devnet in <paramref name="directory"/>; false when there is none.</summary>
    /// <exception cref="InvalidDataException">The file exists but is not a devnet state.</exception>
    public static bool TryLoad(string directory, out DevnetState state)
    {
        string path = PathIn(directory);
        state = null!;
        if (!File.Exists(path))
            return false;
        try
        {
            state = JsonSerializer.Deserialize<DevnetState>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a devnet state file: {e.Message}", e);
        }
        return true;
    }

    /// <summary>Deletes the state file, if any.</summary>
    public static void Delete(string directory) => File.Delete(PathIn(directory));
}
