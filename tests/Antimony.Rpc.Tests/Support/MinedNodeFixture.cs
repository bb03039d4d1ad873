using Antimony.Primitives.Amounts;
using Antimony.Primitives.Transactions;

namespace Antimony.Rpc.Tests.Support;

/// <summary>
/// A regtest node with 111 blocks mined through <c>generatetoaddress</c>: block 111 confirms <see cref="Confirmed"/>
/// (spending coinbase 1), and <see cref="Pending"/> (spending coinbase 2) waits in the mempool. Tests on it only read,
/// or add transactions of their own.
/// </summary>
public sealed class MinedNodeFixture : IAsyncLifetime
{
    public static readonly Money Fee = new(10_000);
    private RpcTestNode? _node;

    internal RpcTestNode Node => _node ?? throw new InvalidOperationException("Not started.");

    internal List<string> Blocks { get; } = [];

    internal Transaction Confirmed { get; private set; } = null!;

    internal Transaction Pending { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _node = await RpcTestNode.StartAsync();
        Blocks.AddRange(await _node.GenerateAsync(110));
        Confirmed = Spends.FromCoinbase(_node.Chain, 1, Fee);
        Assert.Equal(Confirmed.Txid.ToString(), (await _node.CallAsync("sendrawtransaction", $"[\"{Confirmed.ToHex()}\"]")).GetString());
        Blocks.AddRange(await _node.GenerateAsync(1));
        Pending = Spends.FromCoinbase(_node.Chain, 2, Fee);
        Assert.Equal(Pending.Txid.ToString(), (await _node.CallAsync("sendrawtransaction", $"[\"{Pending.ToHex()}\"]")).GetString());
    }

    public async Task DisposeAsync()
    {
        if (_node is not null)
            await _node.DisposeAsync();
    }
}
