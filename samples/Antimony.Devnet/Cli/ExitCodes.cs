namespace Antimony.Devnet.Cli;

/// <summary>The tool's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Done; every test passed.</summary>
    public const int Success = 0;

    /// <summary>A test failed or the network did not do what was asked.</summary>
    public const int Failure = 1;

    /// <summary>No devnet recorded, or the command cannot run as given.</summary>
    public const int Usage = 2;
}
