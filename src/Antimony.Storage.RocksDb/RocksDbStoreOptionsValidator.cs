using Microsoft.Extensions.Options;

namespace Antimony.Storage.RocksDb;

/// <summary>
/// Checks <see cref="RocksDbStoreOptions"/> at start-up: a data directory that exists or can be created and
/// is writable, a positive cache budget and at least one block per flush.
/// </summary>
public sealed class RocksDbStoreOptionsValidator : IValidateOptions<RocksDbStoreOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RocksDbStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every problem with <paramref name="options"/>; empty when they are valid.</summary>
    internal static List<string> Check(RocksDbStoreOptions options)
    {
        var failures = new List<string>();
        if (options.CacheSizeBytes <= 0)
            failures.Add($"RocksDbStoreOptions.CacheSizeBytes must be positive (is {options.CacheSizeBytes}).");
        if (options.MaxUnflushedBlocks < 1)
            failures.Add($"RocksDbStoreOptions.MaxUnflushedBlocks must be at least 1 (is {options.MaxUnflushedBlocks}).");
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
            failures.Add("RocksDbStoreOptions.DataDirectory must name a directory.");
        else if (ProbeWritable(options.DataDirectory) is { } problem)
            failures.Add($"RocksDbStoreOptions.DataDirectory '{options.DataDirectory}' is not a writable directory: {problem}");
        return failures;
    }

    // Creates the directory if needed and writes and deletes a probe file: the only reliable test of write access.
    private static string? ProbeWritable(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            string probe = Path.Combine(directory, $".write-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return e.Message;
        }
    }
}
