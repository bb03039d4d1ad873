using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Antimony.Tests;

namespace Antimony.Node.Tests.Support;

/// <summary>
/// A real atmn-node process on devnet with its own data directory, P2P on a free loopback port and RPC on
/// port 0 (the node logs the port it got). Its log is pumped in the background so tests can wait for lines.
/// Dispose kills the process (by PID, through <see cref="ChildProcess"/>); the data directory is the caller's.
/// </summary>
internal sealed class NodeProcess : IDisposable
{
    private const string RpcMarker = "RPC listening on ";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly ChildProcess _process;
    private readonly List<string> _lines = [];
    private readonly SemaphoreSlim _lineArrived = new(0);
    private readonly Task _pump;
    private HttpClient? _http;

    private NodeProcess(ChildProcess process, string dataDirectory, int p2pPort, string? user, string? password)
    {
        _process = process;
        DataDirectory = dataDirectory;
        P2PPort = p2pPort;
        User = user;
        Password = password;
        _pump = Task.Run(PumpAsync);
    }

    public static string Assembly => Path.Combine(AppContext.BaseDirectory, "atmn-node.dll");

    public string DataDirectory { get; }

    public int P2PPort { get; }

    public string P2PEndPoint => "127.0.0.1:" + P2PPort.ToString(CultureInfo.InvariantCulture);

    public string? User { get; }

    public string? Password { get; }

    /// <summary>The RPC base address, once started.</summary>
    public Uri RpcAddress { get; private set; } = null!;

    /// <summary>The process id.</summary>
    public int Pid => _process.Id;

    /// <summary>An HTTP client with the node's credentials (configured, else the cookie).</summary>
    public HttpClient Http => _http ??= CreateClient(Credentials());

    /// <summary>A JSON-RPC client with the node's credentials.</summary>
    public RpcClient Rpc => new(Http);

    /// <summary>The underlying child process (stderr, exit code, interrupt).</summary>
    public ChildProcess Process => _process;

    /// <summary>Starts a devnet node and waits for its RPC line.</summary>
    public static async Task<NodeProcess> StartAsync(string dataDirectory, bool mine = false, IEnumerable<string>? bootstrap = null,
        string? user = null, string? password = null, int? p2pPort = null, params string[] extra)
    {
        int port = p2pPort ?? FreePort();
        var args = new List<string> { "--network", "devnet", "--datadir", dataDirectory, "--port", port.ToString(CultureInfo.InvariantCulture), "--rpc-port", "0" };
        if (mine)
            args.AddRange(["--mine", "--threads", "1"]);
        foreach (string peer in bootstrap ?? [])
            args.AddRange(["--bootstrap", peer]);
        if (user is not null)
            args.AddRange(["--rpc-user", user, "--rpc-password", password ?? ""]);
        args.AddRange(extra);
        var node = new NodeProcess(ChildProcess.Start(Assembly, [.. args]), dataDirectory, port, user, password);
        try
        {
            string line = await node.WaitForLineAsync(l => l.Contains(RpcMarker, StringComparison.Ordinal), StartTimeout);
            node.RpcAddress = new Uri(line[(line.IndexOf(RpcMarker, StringComparison.Ordinal) + RpcMarker.Length)..].Trim());
            return node;
        }
        catch
        {
            node.Dispose();
            throw;
        }
    }

    /// <summary>Every line logged so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
                return [.. _lines];
        }
    }

    /// <summary>Waits for a logged line (earlier ones included) that matches.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        int seen = 0;
        while (true)
        {
            lock (_lines)
            {
                for (; seen < _lines.Count; seen++)
                {
                    if (match(_lines[seen]))
                        return _lines[seen];
                }
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || _pump.IsCompleted && !await _lineArrived.WaitAsync(0))
                throw new TimeoutException($"No matching line within {timeout}. Last lines:\n{string.Join('\n', Lines.TakeLast(15))}\nstderr: {_process.StandardError}");
            await _lineArrived.WaitAsync(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Polls <paramref name="condition"/> every 200 ms until it holds.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out after {timeout} waiting for {what}.");
            await Task.Delay(200);
        }
    }

    /// <summary>A client with other (or no) credentials.</summary>
    public HttpClient CreateClient(string? userAndPassword) => CreateClient(RpcAddress, userAndPassword);

    /// <summary>Stops the node with SIGINT and waits for a clean exit.</summary>
    public bool Stop(TimeSpan timeout) => _process.Interrupt(timeout);

    public void Dispose()
    {
        _http?.Dispose();
        _process.Dispose();
    }

    /// <summary>A TCP port that was free a moment ago.</summary>
    public static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    private string Credentials() =>
        User is not null ? $"{User}:{Password}" : File.ReadAllText(Path.Combine(DataDirectory, ".cookie")).Trim();

    private static HttpClient CreateClient(Uri address, string? userAndPassword)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(120) };
        if (userAndPassword is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(userAndPassword)));
        return client;
    }

    private async Task PumpAsync()
    {
        // ReadLineAsync returns null after a quiet spell too; keep pumping while the process lives.
        while (true)
        {
            string? line = await _process.ReadLineAsync(TimeSpan.FromSeconds(5));
            if (line is null)
            {
                if (HasExited)
                    return;
                continue;
            }
            lock (_lines)
                _lines.Add(line);
            _lineArrived.Release();
        }
    }

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited
    {
        get
        {
            try
            {
                _ = _process.ExitCode;
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }

}
