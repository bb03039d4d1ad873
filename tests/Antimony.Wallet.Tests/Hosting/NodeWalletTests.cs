using Antimony.Consensus.Mempool;
using Antimony.Primitives.Amounts;
using Antimony.Wallet.Hosting;
using Antimony.Wallet.Tests.Support;

namespace Antimony.Wallet.Tests.Hosting;

public sealed class NodeWalletTests
{
    private static readonly Money Subsidy = Money.FromCoins(50);

    [Fact]
    public void Mined_coins_are_immature_until_coinbase_maturity_then_confirmed()
    {
        using var dir = new TempDirectory();
        using var node = new WalletNode(dir);
        var address = node.Wallet.GetNewAddress("mining");
        node.Miner.Mine(address.ToScript());
        Assert.Equal(new WalletBalance(Money.Zero, Money.Zero, Subsidy), node.Wallet.GetBalance());
        Assert.Empty(node.Wallet.ListUnspent());
        Assert.Equal(WalletTransactionCategory.Immature, Assert.Single(node.Wallet.ListTransactions()).Category);

        // Maturity 10: a coinbase at height 1 is spendable in block 11, i.e. once the tip is at 10.
        node.Miner.MineMany(8, WalletNode.Elsewhere);
        Assert.Equal(Subsidy, node.Wallet.GetBalance().Immature);
        node.Miner.Mine(WalletNode.Elsewhere);
        Assert.Equal(new WalletBalance(Subsidy, Money.Zero, Money.Zero), node.Wallet.GetBalance());
        var coin = Assert.Single(node.Wallet.ListUnspent());
        Assert.Equal(10, coin.Confirmations);
        Assert.True(coin.IsCoinbase);
        Assert.Equal("mining", coin.Label);
        Assert.Equal(address, coin.Address);
        Assert.True(node.Wallet.IsMine(address));
        Assert.False(node.Wallet.IsMine(Primitives.Addresses.SegwitAddress.FromScript(WalletNode.Elsewhere, Primitives.Networks.Network.Regtest)));
        Assert.Equal("m/86'/1'/0'/0/0", coin.Path.ToString());
        Assert.Equal(WalletTransactionCategory.Generate, Assert.Single(node.Wallet.ListTransactions()).Category);
    }

    [Fact]
    public async Task Send_reaches_another_wallet_and_confirms()
    {
        using var dir = new TempDirectory();
        using var node = new WalletNode(dir);
        var b = node.Open("b");
        node.Miner.Mine(node.Wallet.GetNewAddress().ToScript());
        node.Miner.MineMany(10, WalletNode.Elsewhere);
        var to = b.GetNewAddress("from a");

        var txid = await node.Wallet.SendToAddressAsync(to, Money.FromCoins(10), FeeRate.FromAtomsPerVirtualByte(3), CancellationToken.None);

        Assert.True(node.Pool.Contains(txid));
        Assert.Equal(new WalletBalance(Money.Zero, Money.FromCoins(10), Money.Zero), b.GetBalance());
        Assert.Equal(Money.FromCoins(10), b.GetBalance(0).Confirmed);
        var send = Assert.Single(node.Wallet.ListTransactions(), r => r.Category == WalletTransactionCategory.Send);
        Assert.Equal(-Money.FromCoins(10), send.Amount);
        Assert.Equal(to, send.Address);
        Assert.True(send.Fee < Money.Zero);
        Money fee = -send.Fee!.Value;
        Assert.Equal(Subsidy - Money.FromCoins(10) - fee, node.Wallet.GetBalance(0).Confirmed);

        node.Miner.Mine(WalletNode.Elsewhere, [node.MempoolTransaction(txid)]);
        Assert.False(node.Pool.Contains(txid));
        Assert.Equal(new WalletBalance(Money.FromCoins(10), Money.Zero, Money.Zero), b.GetBalance());
        Assert.Equal(Subsidy - Money.FromCoins(10) - fee, node.Wallet.GetBalance().Confirmed);
        var receive = Assert.Single(b.ListTransactions());
        Assert.Equal((WalletTransactionCategory.Receive, 1, "from a"), (receive.Category, receive.Confirmations, receive.Label));
    }

    [Fact]
    public async Task Sending_more_than_the_balance_fails_with_insufficient_funds()
    {
        using var dir = new TempDirectory();
        using var node = new WalletNode(dir);
        node.Miner.Mine(node.Wallet.GetNewAddress().ToScript());
        node.Miner.MineMany(10, WalletNode.Elsewhere);
        var to = node.Wallet.GetNewAddress();
        var e = await Assert.ThrowsAsync<WalletException>(() => node.Wallet.SendToAddressAsync(to, Money.FromCoins(50), null, CancellationToken.None));
        Assert.Equal(WalletError.InsufficientFunds, e.Error);
        e = await Assert.ThrowsAsync<WalletException>(() => node.Wallet.SendToAddressAsync(to, new Money(100), null, CancellationToken.None));
        Assert.Equal(WalletError.InvalidAmount, e.Error);
        var foreign = Primitives.Addresses.SegwitAddress.P2tr(new byte[32], Primitives.Networks.Network.Mainnet);
        e = await Assert.ThrowsAsync<WalletException>(() => node.Wallet.SendToAddressAsync(foreign, Money.Coin, null, CancellationToken.None));
        Assert.Equal(WalletError.InvalidAddress, e.Error);
    }

    [Fact]
    public async Task Reorganization_unconfirms_and_orphans_then_the_new_chain_confirms_again()
    {
        using var dir = new TempDirectory();
        using var node = new WalletNode(dir);
        var b = node.Open("b");
        node.Miner.Mine(node.Wallet.GetNewAddress().ToScript());
        var fork = node.Miner.MineMany(10, WalletNode.Elsewhere);
        var txid = await node.Wallet.SendToAddressAsync(b.GetNewAddress(), Money.FromCoins(5), null, CancellationToken.None);
        var tx = node.MempoolTransaction(txid);
        // Block 12 confirms the send and pays its coinbase to wallet a.
        node.Miner.Mine(node.Wallet.GetNewAddress().ToScript(), [tx]);
        Assert.Equal(Money.FromCoins(5), b.GetBalance().Confirmed);
        Assert.Equal(Subsidy, node.Wallet.GetBalance().Immature);

        // A longer branch from block 11 without the send: block 12 is disconnected.
        node.Miner.MineMany(2, WalletNode.Elsewhere, fork);
        Assert.Equal(13, node.Harness.Chain.Tip.Height);
        Assert.True(node.Pool.Contains(txid));
        Assert.Equal(new WalletBalance(Money.Zero, Money.FromCoins(5), Money.Zero), b.GetBalance());
        Assert.Equal(Money.Zero, node.Wallet.GetBalance().Immature);
        Assert.Contains(node.Wallet.ListTransactions(), r => r.Category == WalletTransactionCategory.Orphan && r.Abandoned);

        node.Miner.Mine(WalletNode.Elsewhere, [tx]);
        Assert.Equal(new WalletBalance(Money.FromCoins(5), Money.Zero, Money.Zero), b.GetBalance());
        Assert.Equal(1, Assert.Single(b.ListUnspent()).Confirmations);
    }

    [Fact]
    public async Task Restart_restores_state_and_catches_up_and_rewinds_missed_blocks()
    {
        using var dir = new TempDirectory();
        using var node = new WalletNode(dir);
        var b = node.Open("b");
        var bAddress = b.GetNewAddress("savings");
        node.Miner.Mine(node.Wallet.GetNewAddress().ToScript());
        node.Miner.MineMany(10, WalletNode.Elsewhere);
        var txid = await node.Wallet.SendToAddressAsync(bAddress, Money.FromCoins(7), null, CancellationToken.None);
        var confirmed = node.Miner.Mine(WalletNode.Elsewhere, [node.MempoolTransaction(txid)]);
        var before = (b.GetBalance(), b.ListTransactions(), b.ListUnspent().Count);
        node.Close(b);

        var reopened = node.Open("b");
        Assert.Equal(before.Item1, reopened.GetBalance());
        Assert.Equal(before.Item2, reopened.ListTransactions());
        Assert.Equal(before.Item3, reopened.ListUnspent().Count);
        Assert.NotEqual(bAddress, reopened.GetNewAddress()); // the issued index survived
        node.Close(reopened);

        // While b is closed: a reorganization drops the confirming block and a longer branch pays b's address.
        var branch = node.Miner.MineMany(2, bAddress.ToScript(), confirmed.Previous);
        node.Miner.Mine(WalletNode.Elsewhere, [], branch);
        var again = node.Open("b");
        Assert.Equal(node.Harness.Chain.Tip.Height, again.Height);
        Assert.Equal(new WalletBalance(Money.Zero, Money.FromCoins(7), Subsidy * 2), again.GetBalance());
        Assert.True(node.Pool.Contains(txid));
    }

    [Fact]
    public void Without_a_passphrase_a_random_one_is_stored_beside_the_key_file_with_mode_0600()
    {
        using var dir = new TempDirectory();
        using var node = new WalletNode(dir, passphrase: null);
        var address = node.Wallet.GetNewAddress();
        string file = Path.Combine(dir.Sub("a"), "wallet.passphrase");
        Assert.True(File.Exists(file));
        Assert.Equal(64, File.ReadAllText(file).Length);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.True(File.Exists(Path.Combine(dir.Sub("a"), "wallet.key")));
        // The same directory opens again with the stored passphrase; its issued index survived.
        var second = node.Open("a", passphrase: null);
        Assert.NotEqual(address, second.GetNewAddress());
    }

    [Fact]
    public void A_wrong_passphrase_is_refused_with_a_specific_error()
    {
        using var dir = new TempDirectory();
        using var node = new WalletNode(dir);
        node.Wallet.GetNewAddress();
        var e = Assert.Throws<Antimony.Wallet.Storage.KeyFileException>(() => node.Open("a", passphrase: "not it"));
        Assert.Equal(Antimony.Wallet.Storage.KeyFileError.WrongPassphrase, e.Error);
    }

    [Fact]
    public async Task A_lost_state_file_is_rebuilt_by_rescanning_from_genesis()
    {
        using var dir = new TempDirectory();
        using var node = new WalletNode(dir);
        var b = node.Open("b");
        node.Miner.Mine(b.GetNewAddress().ToScript());
        node.Miner.Mine(node.Wallet.GetNewAddress().ToScript());
        node.Miner.MineMany(10, WalletNode.Elsewhere);
        await node.Wallet.SendToAddressAsync(b.GetNewAddress(), Money.FromCoins(2), null, CancellationToken.None);
        var before = b.GetBalance(0);
        node.Close(b);
        File.Delete(Path.Combine(dir.Sub("b"), "wallet.state.json"));

        var rebuilt = node.Open("b");
        // The coinbase comes back from the chain, the pending payment from the mempool.
        Assert.Equal(before, rebuilt.GetBalance(0));
        Assert.Equal(2, rebuilt.ListTransactions().Count);
        Assert.Equal(node.Harness.Chain.Tip.Height, rebuilt.Height);
    }
}
