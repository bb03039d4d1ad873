using System.Runtime.InteropServices;

namespace Antimony.Devnet.Nodes;

/// <summary>
/// Questions about and signals to a process named by its id, for nodes that are not this tool's children
/// (they outlive <c>up</c>). Linux-first: reads <c>/proc</c>, signals with <c>kill(2)</c>.
/// </summary>
internal static class ProcessTable
{
    /// <summary>SIGTERM: the node stops gracefully.</summary>
    public const int SigTerm = 15;

    /// <summary>SIGKILL: the last resort.</summary>
    public const int SigKill = 9;

    /// <summary>True when a process with this id exists and is not a zombie.</summary>
    public static bool IsAlive(int pid)
    {
        if (pid <= 0)
            return false;
        if (OperatingSystem.IsWindows())
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                return !process.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
        if (Kill(pid, 0) != 0 && Marshal.GetLastPInvokeError() != EPerm)
            return false;
        try
        {
            // "pid (comm) S ...": the state letter follows the closing parenthesis.
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            int close = stat.LastIndexOf(')');
            return close < 0 || close + 2 >= stat.Length || stat[close + 2] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
    }

    /// <summary>
    /// The process's command line joined by spaces, or null when it cannot be read. <c>down</c> checks it names
    /// the node's data directory before signalling, so a recycled process id is never hit.
    /// </summary>
    public static string? CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/>; true when delivered.</summary>
    public static bool Signal(int pid, int signal)
    {
        if (OperatingSystem.IsWindows())
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill();
                return true;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                return false;
            }
        }
        return Kill(pid, signal) == 0;
    }

    /// <summary>Waits until the process is gone or <paramref name="timeout"/> passes; true when gone.</summary>
    public static async Task<bool> WaitForExitAsync(int pid, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsAlive(pid))
        {
            if (DateTime.UtcNow >= deadline)
                return false;
            await Task.Delay(100);
        }
        return true;
    }

    private const int EPerm = 1;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
