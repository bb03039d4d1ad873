namespace Antimony.Rpc.Hosting;

/// <summary>
/// Settings of the JSON-RPC server (configuration section <c>Antimony:Rpc</c>), validated at start-up:
/// where Kestrel listens, how clients authenticate and how large a request may be.
/// </summary>
public sealed class RpcOptions
{
    /// <summary>The configuration section bound by default.</summary>
    public const string SectionName = "Antimony:Rpc";

    /// <summary>The name of the cookie file written to <see cref="CookieDirectory"/> (Bitcoin Core's).</summary>
    public const string CookieFileName = ".cookie";

    /// <summary>The user name of cookie authentication (Bitcoin Core's).</summary>
    public const string CookieUser = "__cookie__";

    /// <summary>The IP address Kestrel listens on; loopback unless told otherwise, since RPC controls the node.</summary>
    public string Bind { get; set; } = "127.0.0.1";

    /// <summary>The TCP port; 0 picks a free port (read it from the server's addresses after start).</summary>
    public int Port { get; set; } = 21000;

    /// <summary>The user of HTTP Basic authentication; with <see cref="Password"/> it replaces the cookie.</summary>
    public string? User { get; set; }

    /// <summary>The password of HTTP Basic authentication.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// The directory the <c>.cookie</c> file is written to when no <see cref="User"/>/<see cref="Password"/> is set
    /// (normally the node's data directory); <see langword="null"/> uses <see cref="DataDirectory"/>.
    /// </summary>
    public string? CookieDirectory { get; set; }

    /// <summary>The node's data directory: the cookie's default home.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>The largest request body accepted; larger ones get HTTP 413.</summary>
    public long MaxRequestBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The most requests one batch may hold; larger batches get -32600.</summary>
    public int MaxBatch { get; set; } = 1000;

    /// <summary>Whether <c>AddRpc</c> configures Kestrel's endpoint and limits itself (turn off when the host configures Kestrel).</summary>
    public bool ConfigureKestrel { get; set; } = true;

    /// <summary>How long a request with wrong credentials waits before its 401, slowing password guessing (Bitcoin Core waits 250 ms).</summary>
    public TimeSpan AuthenticationFailureDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The directory that holds the cookie, or <see langword="null"/> when credentials are configured.</summary>
    internal string? EffectiveCookieDirectory => UsesCookie ? CookieDirectory ?? DataDirectory : null;

    /// <summary>Whether clients authenticate with the cookie rather than configured credentials.</summary>
    internal bool UsesCookie => string.IsNullOrEmpty(User) && string.IsNullOrEmpty(Password);
}
