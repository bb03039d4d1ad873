using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Antimony.Devnet.Nodes;
using Antimony.Devnet.State;
using Antimony.Tests;
using Xunit.Abstractions;

namespace Antimony.Devnet.Tests;

/// <summary>
/// The CI run of atmn-devnet against real atmn-node processes: <c>up</c> with five regtest nodes on free ports, every
/// <c>test</c> in short form, <c>test fork</c> five times, the dashboard in headless Chromium, <c>down</c>; then no
/// recorded process may be left and the temporary directory is gone.
/// </summary>
public sealed class DevnetEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private const int Nodes = 5;
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);
    private readonly string _directory = Directory.CreateTempSubdirectory("atmn-devnet-e2e-").FullName;
    private readonly List<int> _pids = [];

    [Fact]
    public async Task Up_every_test_the_dashboard_and_down_leave_nothing_behind()
    {
        int basePort = FreeRange(Nodes * 2 + 1);
        int rpcBase = basePort + Nodes, dashboardPort = basePort + 2 * Nodes;
        string dir = _directory;

        await Expect(0, "UP 5 nodes", "up", "-d", dir, "-n", "5", "-p", P(basePort), "-r", P(rpcBase), "--network", "regtest", "--stagger-ms", "100", "--timeout", "60");
        Assert.True(StateFile.TryLoad(dir, out var state));
        _pids.AddRange(state.Nodes.Select(n => n.Pid));
        Assert.Equal(Nodes, _pids.Distinct().Count());
        Assert.All(_pids, pid => Assert.True(ProcessTable.IsAlive(pid), $"pid {pid} recorded but not running"));

        await Expect(0, "node4", "status", "-d", dir);
        await Expect(0, "Network health", "monitor", "--once", "-d", dir);
        await Expect(0, "PASS test connectivity", "test", "connectivity", "--settle", "30", "-d", dir);
        await Expect(0, "PASS test propagation", "test", "propagation", "-b", "2", "-d", dir);
        await Expect(0, "PASS test miners", "test", "miners", "-m", "3", "-b", "6", "-d", dir);
        await Expect(0, "PASS test throughput", "test", "throughput", "-n", "300", "-d", dir);
        await Expect(0, "5/5 fork run(s) passed", "test", "fork", "--runs", "5", "-d", dir);

        await CheckDashboardAsync(dir, dashboardPort, state);

        await Expect(0, "DOWN 5 nodes stopped", "down", "--clean", "-d", dir);
        Assert.All(_pids, pid => Assert.False(ProcessTable.IsAlive(pid), $"pid {pid} still runs after down"));
        Assert.False(File.Exists(StateFile.PathIn(dir)));
        await Expect(2, "No devnet recorded", "status", "-d", dir);
    }

    // The page, rendered by a real browser, shows every node's height and the planned edges.
    private async Task CheckDashboardAsync(string dir, int port, DevnetState state)
    {
        const string Chromium = "/usr/bin/chromium";
        Assert.True(File.Exists(Chromium), "the dashboard test needs Debian's chromium at /usr/bin/chromium");
        using var dashboard = ChildProcess.Start(ToolProcess.DevnetAssembly, "dashboard", "--port", P(port), "-d", dir);
        string? line;
        do
            line = await dashboard.ReadLineAsync(TimeSpan.FromSeconds(60));
        while (line is not null && !line.Contains("Dashboard listening", StringComparison.Ordinal));
        Assert.True(line is not null, "the dashboard did not start: " + dashboard.StandardError);

        using var http = new HttpClient();
        using var network = JsonDocument.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/api/network")));
        var heights = network.RootElement.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("height").GetInt32()).ToList();
        Assert.Equal(Nodes, heights.Count);

        string profile = Directory.CreateTempSubdirectory("atmn-devnet-chromium-").FullName;
        try
        {
            var browser = await ToolProcess.RunAsync(Chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--virtual-time-budget=5000", "--dump-dom", $"http://127.0.0.1:{port}/"], TimeSpan.FromSeconds(90));
            string dom = browser.Output;
            for (int i = 0; i < Nodes; i++)
                Assert.Contains($"id=\"height-{i}\">{heights[i]}<", dom, StringComparison.Ordinal);
            foreach (var (from, to) in state.PlannedEdges)
                Assert.True(dom.Contains($"data-edge=\"{from}-{to}\"", StringComparison.Ordinal) || dom.Contains($"data-edge=\"{to}-{from}\"", StringComparison.Ordinal),
                    $"edge {from}-{to} not drawn");
            Assert.Contains("Health ", dom, StringComparison.Ordinal);
            Assert.Contains("data-block-height=", dom, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
        Assert.True(dashboard.Interrupt(TimeSpan.FromSeconds(20)), "the dashboard did not stop on Ctrl+C");
    }

    private async Task<ToolProcess> Expect(int exitCode, string marker, params string[] arguments)
    {
        var run = await ToolProcess.DevnetAsync(CommandTimeout, arguments);
        output.WriteLine($"$ atmn-devnet {string.Join(' ', arguments)}  -> {run.ExitCode}\n{run.Output}");
        Assert.True(exitCode == run.ExitCode, $"atmn-devnet {string.Join(' ', arguments)} exited {run.ExitCode}:\n{run.Output}");
        Assert.Contains(marker, run.Output, StringComparison.Ordinal);
        return run;
    }

    private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);

    // A run of consecutive ports that are all free right now, away from the 20000 range a developer's devnet uses.
    private static int FreeRange(int count)
    {
        for (int attempt = 0; attempt < 200; attempt++)
        {
            int start = Random.Shared.Next(30_000, 60_000 - count);
            var listeners = new List<TcpListener>();
            try
            {
                for (int port = start; port < start + count; port++)
                {
                    var listener = new TcpListener(IPAddress.Loopback, port);
                    listener.Start();
                    listeners.Add(listener);
                }
                return start;
            }
            catch (SocketException)
            {
            }
            finally
            {
                foreach (var listener in listeners)
                    listener.Stop();
            }
        }
        throw new InvalidOperationException("no free port range found");
    }

    // Whatever failed, the nodes this test started are killed by their recorded PIDs and the directory goes.
    public void Dispose()
    {
        if (StateFile.TryLoad(_directory, out var state))
            _pids.AddRange(state.Nodes.Select(n => n.Pid).Except(_pids));
        foreach (int pid in _pids.Where(ProcessTable.IsAlive))
        {
            if (ProcessTable.CommandLine(pid) is { } commandLine && commandLine.Contains(_directory, StringComparison.Ordinal))
                ProcessTable.Signal(pid, ProcessTable.SigKill);
        }
        foreach (int pid in _pids)
            ProcessTable.WaitForExitAsync(pid, TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
        Directory.Delete(_directory, recursive: true);
        Assert.False(Directory.Exists(_directory));
    }
}
