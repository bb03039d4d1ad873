using Antimony.Primitives.Transactions;

namespace Antimony.Primitives.Tests.Transactions;

/// <summary>Real Bitcoin mainnet transactions and their published ids.</summary>
public class RealTransactionTests
{
    // Mainnet tx f5864806e3565c34d1b41e716f72609d00b55ea5eac5b924c9719a842ef42206: one P2WPKH-style input
    // (witness [signature, key]) paying a P2SH output. Hex, txid, wtxid, weight 442 and vsize 111 as
    // published in rust-bitcoin's transaction tests (rust-bitcoin/rust-bitcoin, bitcoin/src/blockdata/transaction.rs).
    private const string SegwitHex =
        "02000000000101595895ea20179de87052b4046dfe6fd515860505d6511a9004cf12a1f93cac7c0100000000ffffffff01deb807000000000017a9140f3444e271620c736808aa7b33e370bd87cb5a078702483045022100fb60dad8df4af2841adc0346638c16d0b8035f5e3f3753b88db122e70c79f9370220756e6633b17fd2710e626347d28d60b0a2d6cbb41de51740644b9fb3ba7751040121028fa937ca8cba2197a37c007176ed8941055d3bcb8627d085e94553e62f057dcc00000000";

    // The genesis coinbase (legacy form): txid 4a5e1e4b..., the genesis block's merkle root.
    internal const string GenesisCoinbaseHex =
        "01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff4d04ffff001d0104455468652054696d65732030332f4a616e2f32303039204368616e63656c6c6f72206f6e206272696e6b206f66207365636f6e64206261696c6f757420666f722062616e6b73ffffffff0100f2052a01000000434104678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5fac00000000";

    [Fact]
    public void A_real_segwit_transaction_round_trips_with_its_published_txid_and_wtxid()
    {
        var tx = Transaction.ParseHex(SegwitHex);
        Assert.Equal(SegwitHex, tx.ToHex());
        Assert.Equal(SegwitHex, tx.ToBuilder().Build().ToHex());
        Assert.Equal("f5864806e3565c34d1b41e716f72609d00b55ea5eac5b924c9719a842ef42206", tx.Txid.ToString());
        Assert.Equal("80b7d8a82d5d5bf92905b06f2014dd699e03837ca172e3a59d51426ebbe3e7f5", tx.Wtxid.ToString());
        Assert.Equal(442, tx.Weight);
        Assert.Equal(111, tx.VirtualSize);
        Assert.True(tx.HasWitness);
        Assert.Equal(2, tx.Version);
        var input = Assert.Single(tx.Inputs);
        Assert.Equal("7cac3cf9a112cf04901a51d605058615d56ffe6d04b45270e89d1720ea955859:1", input.PreviousOutput.ToString());
        Assert.Equal(2, input.Witness.Count);
        Assert.Equal(33, input.Witness[1].Length);
        Assert.Equal(506_078, Assert.Single(tx.Outputs).Value.Atoms);
    }

    [Fact]
    public void The_genesis_coinbase_has_its_published_txid()
    {
        var tx = Transaction.ParseHex(GenesisCoinbaseHex);
        Assert.True(tx.IsCoinbase);
        Assert.False(tx.HasWitness);
        Assert.Equal("4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b", tx.Txid.ToString());
        Assert.Equal(tx.Txid.Value, tx.Wtxid.Value);
        Assert.Equal(204, tx.TotalSize);
        Assert.Equal(816, tx.Weight);
        Assert.Equal(GenesisCoinbaseHex, tx.ToBuilder().Build().ToHex());
    }
}
