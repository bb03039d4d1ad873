using System.Security.Cryptography;
using System.Text;
using Antimony.Rpc.Hosting;
using Microsoft.Extensions.Options;

namespace Antimony.Rpc.Server;

/// <summary>
/// The one user and password the server accepts: the configured pair, or <c>__cookie__</c> with 32 random
/// bytes in hex, created once per process as Bitcoin Core's cookie is.
/// </summary>
internal sealed class RpcCredentials
{
    private const string BasicPrefix = "Basic ";
    private readonly byte[] _expected;

    public RpcCredentials(IOptions<RpcOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        if (value.UsesCookie)
        {
            User = RpcOptions.CookieUser;
            Password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        }
        else
        {
            User = value.User!;
            Password = value.Password!;
        }
        _expected = Encoding.UTF8.GetBytes($"{User}:{Password}");
    }

    public string User { get; }

    public string Password { get; }

    /// <summary>The cookie file's content: <c>user:password</c>.</summary>
    public string CookieContent => $"{User}:{Password}";

    /// <summary>Whether an <c>Authorization</c> header carries the expected Basic credentials (compared in constant time).</summary>
    public bool IsAuthorized(string? header)
    {
        if (header is null || !header.StartsWith(BasicPrefix, StringComparison.Ordinal))
            return false;
        var encoded = header.AsSpan(BasicPrefix.Length).Trim();
        Span<byte> decoded = stackalloc byte[256];
        if (encoded.Length > 340 || !Convert.TryFromBase64Chars(encoded, decoded, out int written))
            return false;
        return CryptographicOperations.FixedTimeEquals(decoded[..written], _expected);
    }
}
