using System.Diagnostics;
using System.Globalization;

namespace Antimony.Devnet.Nodes;

/// <summary>
/// Starts atmn-node processes that outlive this tool: each runs in its own session (<c>setsid</c>), with standard
/// input from /dev/null and standard output and error appended to a log file, so closing the terminal or ending
/// <c>up</c> leaves the network running. The process id returned is the node's own (setsid execs in place).
/// </summary>
internal sealed class NodeLauncher
{
    private readonly string _host;
    private readonly string? _assembly;

    /// <summary>Runs <paramref name="nodePath"/>: a .dll through the dotnet host, anything else directly.</summary>
    public NodeLauncher(string nodePath)
    {
        if (nodePath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            _host = DotnetHost();
            _assembly = nodePath;
        }
        else
        {
            _host = nodePath;
        }
    }

    /// <summary>atmn-node as built next to this tool (the project references it).</summary>
    public static string DefaultNodePath => Path.Combine(AppContext.BaseDirectory, "atmn-node.dll");

    /// <summary>Starts a node detached and returns its process id.</summary>
    /// <exception cref="InvalidOperationException">The shell could not start it.</exception>
    public int Start(IReadOnlyList<string> arguments, string logFile)
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("atmn-devnet starts detached nodes with setsid; run it on Linux or macOS.");
        // $1 is the log; the rest is the command. `exec setsid` would make sh the node; backgrounding it and
        // printing $! hands back the node's pid while sh exits at once.
        var info = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("log=\"$1\"; shift; setsid \"$@\" >>\"$log\" 2>&1 </dev/null & echo $!");
        info.ArgumentList.Add("atmn-devnet");
        info.ArgumentList.Add(logFile);
        info.ArgumentList.Add(_host);
        if (_assembly is not null)
            info.ArgumentList.Add(_assembly);
        foreach (string argument in arguments)
            info.ArgumentList.Add(argument);
        using var shell = Process.Start(info) ?? throw new InvalidOperationException("Could not start /bin/sh.");
        string output = shell.StandardOutput.ReadToEnd().Trim();
        string errors = shell.StandardError.ReadToEnd().Trim();
        shell.WaitForExit();
        return int.TryParse(output, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) && pid > 0
            ? pid
            : throw new InvalidOperationException($"Starting atmn-node failed: {output} {errors}".Trim());
    }

    // The dotnet CLI tells the processes it starts where it lives; otherwise this process may be the host.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path
        : "dotnet";
}
