namespace Antimony.Rpc.Tests.Support;

/// <summary>One fresh regtest node (nothing mined) shared by a test class.</summary>
public sealed class PlainNodeFixture : IAsyncLifetime
{
    private RpcTestNode? _node;

    internal RpcTestNode Node => _node ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _node = await RpcTestNode.StartAsync();

    public async Task DisposeAsync()
    {
        if (_node is not null)
            await _node.DisposeAsync();
    }
}
