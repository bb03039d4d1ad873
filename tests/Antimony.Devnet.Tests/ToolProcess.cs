using System.Diagnostics;
using System.Text;

namespace Antimony.Devnet.Tests;

/// <summary>
/// Runs a program to completion (atmn-devnet through the dotnet host, or chromium) and captures its output. A run that
/// outlives its timeout is killed by its own process handle, with its descendants, so a test never leaves it behind.
/// </summary>
internal sealed class ToolProcess
{
    /// <summary>The exit code.</summary>
    public int ExitCode { get; private init; }

    /// <summary>Standard output and error, interleaved in arrival order.</summary>
    public string Output { get; private init; } = "";

    /// <summary>atmn-devnet as built next to the tests.</summary>
    public static string DevnetAssembly => Path.Combine(AppContext.BaseDirectory, "atmn-devnet.dll");

    /// <summary>Runs <c>dotnet atmn-devnet.dll args</c>.</summary>
    public static Task<ToolProcess> DevnetAsync(TimeSpan timeout, params string[] arguments) =>
        RunAsync(DotnetHost(), [DevnetAssembly, .. arguments], timeout);

    /// <summary>Runs <paramref name="program"/> and waits at most <paramref name="timeout"/>.</summary>
    /// <exception cref="TimeoutException">It did not finish in time (it has been killed).</exception>
    public static async Task<ToolProcess> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
            info.ArgumentList.Add(argument);
        using var process = new Process { StartInfo = info };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} ran over {timeout.TotalSeconds:0} s and was killed:\n{Text()}");
        }
        process.WaitForExit();
        return new ToolProcess { ExitCode = process.ExitCode, Output = Text() };

        void Append(string? line)
        {
            if (line is null)
                return;
            lock (output)
                output.AppendLine(line);
        }

        string Text()
        {
            lock (output)
                return output.ToString();
        }
    }

    /// <summary>The dotnet host that runs these tests.</summary>
    public static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path
        : "dotnet";
}
