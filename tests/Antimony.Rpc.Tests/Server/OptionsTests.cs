using Antimony.Rpc.Tests.Support;
using Microsoft.Extensions.Options;

namespace Antimony.Rpc.Tests.Server;

/// <summary>RpcOptions are validated at start with messages that name the fix.</summary>
public sealed class OptionsTests
{
    [Theory]
    [InlineData("localhost-ish", 0, "alice", "pw", "Bind")]
    [InlineData("127.0.0.1", 70000, "alice", "pw", "Port")]
    [InlineData("127.0.0.1", 0, "alice", null, "both User and Password")]
    [InlineData("127.0.0.1", 0, "al:ice", "pw", "':'")]
    public async Task Invalid_settings_fail_start_up_naming_the_setting(string bind, int port, string? user, string? password, string expected)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RpcTestNode.StartAsync(o =>
        {
            o.Bind = bind;
            o.Port = port;
            o.User = user;
            o.Password = password;
        }));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task Cookie_authentication_needs_a_directory()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RpcTestNode.StartAsync(o => o.CookieDirectory = null));
        Assert.Contains("CookieDirectory", error.Message);
    }

    [Fact]
    public async Task The_server_listens_on_loopback_by_default()
    {
        await using var node = await RpcTestNode.StartAsync();
        Assert.Equal("127.0.0.1", node.Address.Host);
    }
}
