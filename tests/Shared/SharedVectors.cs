namespace Antimony.Tests;

/// <summary>
/// Locates the official test vectors in <c>../shared/vectors/</c> beside the repository root, so tests
/// read them from there instead of keeping copies.
/// </summary>
internal static class SharedVectors
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds the solution.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The folder of official vectors.</summary>
    public static string Directory { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "vectors"));

    /// <summary>The full path of one vector file; fails the test with a clear message when it is absent.</summary>
    public static string PathOf(string fileName)
    {
        string path = Path.Combine(Directory, fileName);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Official vector file missing: expected {path} (the shared/ folder beside the repository).", path);
        return path;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Antimony.Sdk.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Antimony.Sdk.sln not found above " + AppContext.BaseDirectory);
    }
}
