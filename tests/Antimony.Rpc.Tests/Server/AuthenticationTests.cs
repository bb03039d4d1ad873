using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Antimony.Rpc.Tests.Support;

namespace Antimony.Rpc.Tests.Server;

/// <summary>HTTP Basic authentication with the cookie file or configured credentials; 401 otherwise.</summary>
public sealed class AuthenticationTests
{
    [Fact]
    public async Task The_cookie_file_holds_cookie_user_and_64_hex_digits_readable_by_the_owner_only_and_is_removed_on_stop()
    {
        var node = await RpcTestNode.StartAsync();
        string path = Path.Combine(node.DataDirectory, ".cookie");
        try
        {
            string cookie = await File.ReadAllTextAsync(path);
            Assert.Matches("^__cookie__:[0-9a-f]{64}$", cookie);
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(HttpStatusCode.OK, (await node.PostAsync("""{"id":1,"method":"getblockcount"}""")).Status);
        }
        finally
        {
            await node.DisposeAsync();
        }
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Two_nodes_get_different_cookies()
    {
        await using var a = await RpcTestNode.StartAsync();
        await using var b = await RpcTestNode.StartAsync();
        Assert.NotEqual(await File.ReadAllTextAsync(Path.Combine(a.DataDirectory, ".cookie")), await File.ReadAllTextAsync(Path.Combine(b.DataDirectory, ".cookie")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic")]
    [InlineData("Basic !!!notbase64")]
    [InlineData("Bearer abc")]
    [InlineData("Basic X19jb29raWVfXzp3cm9uZw==")]
    public async Task Wrong_or_missing_credentials_get_401_with_the_basic_challenge(string? authorization)
    {
        await using var node = await RpcTestNode.StartAsync();
        using var client = new HttpClient { BaseAddress = node.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("""{"id":1,"method":"getblockcount"}""") };
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic realm=\"jsonrpc\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Configured_credentials_replace_the_cookie()
    {
        await using var node = await RpcTestNode.StartAsync(o =>
        {
            o.User = "alice";
            o.Password = "correct horse";
        });
        Assert.False(File.Exists(Path.Combine(node.DataDirectory, ".cookie")));
        using var client = new HttpClient { BaseAddress = node.Address };
        async Task<HttpStatusCode> Post(string credentials)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("""{"id":1,"method":"getblockcount"}""") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, await Post("alice:correct horse"));
        Assert.Equal(HttpStatusCode.Unauthorized, await Post("alice:wrong"));
        Assert.Equal(HttpStatusCode.Unauthorized, await Post("bob:correct horse"));
        Assert.Equal(HttpStatusCode.Unauthorized, await Post("alice:correct horse "));
    }
}
