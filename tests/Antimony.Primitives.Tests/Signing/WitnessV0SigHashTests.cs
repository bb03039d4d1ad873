using Antimony.Primitives.Amounts;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Signing;
using Antimony.Primitives.Transactions;

namespace Antimony.Primitives.Tests.Signing;

/// <summary>
/// BIP143's worked examples (from bip-0143.mediawiki, section "Example"), byte for byte. The P2WSH ones go
/// through the scriptCode-level entry point, which Antimony keeps internal (v1 spends only P2WPKH).
/// </summary>
public sealed class WitnessV0SigHashTests
{
    private static TxOut Out(long atoms, string script = "") => new(new Money(atoms), Script.FromHex(script));

    private static string Hex(Hash256 hash) => Convert.ToHexStringLower(hash.ToArray());

    [Fact]
    public void Native_p2wpkh_example_matches_every_intermediate_value()
    {
        var tx = Transaction.ParseHex(
            "0100000002fff7f7881a8099afa6940d42d1e7f6362bec38171ea3edf433541db4e4ad969f0000000000eeffffffef51e1b804cc89d182d279655c3aa89e815b1b309fe287d9b2b55d57b90ec68a0100000000ffffffff02202cb206000000001976a9148280b37df378db99f66f85c95a783a76ac7a6d5988ac9093510d000000001976a9143bde42dbee7e4dbe6a21b2d50ce2f0167faa815988ac11000000");
        var cache = new SigHashCache(tx,
        [
            Out(625_000_000, "2103c9f4836b9a4f77fc0d81f7bcb01b7f1b35916864b9476c241ce9fc198bd25432ac"),
            Out(600_000_000, "00141d0f172a0ecb48aee1be1f2687d2963ae33f71a1"),
        ]);

        Assert.Equal("96b827c8483d4e9b96712b6713a7b68d6e8003a781feba36c31143470b4efd37", Hex(cache.HashPrevouts));
        Assert.Equal("52b0a642eea2fb7ae638c36f6252b6750293dbe574a806984b8e4d8548339a3b", Hex(cache.HashSequences));
        Assert.Equal("863ef3e1a92afbfdb97f31ad0fc7683ee943e9abcf2501590ff8f6551f47e5e5", Hex(cache.HashOutputs));

        var keyHash = Hash160.Compute(Convert.FromHexString("025476c2e83188368da1ff3e292e7acafcdb3566bb0ad253f62fc70f07aeee6357"));
        Assert.Equal("1d0f172a0ecb48aee1be1f2687d2963ae33f71a1", keyHash.ToString());
        Assert.True(cache.TryGetP2wpkhHash(1, keyHash, SigHashType.All, out var sigHash, out var error));
        Assert.Equal(SigHashError.None, error);
        Assert.Equal("c37af31116d1b27caf68aae9e3ac82f1477929014d5b917657d0eb49478cb670", Hex(sigHash));
    }

    [Fact]
    public void P2sh_p2wpkh_example_hashes_like_native_p2wpkh()
    {
        var tx = Transaction.ParseHex(
            "0100000001db6b1b20aa0fd7b23880be2ecbd4a98130974cf4748fb66092ac4d3ceb1a54770100000000feffffff02b8b4eb0b000000001976a914a457b684d7f0d539a46a45bbc043f35b59d0d96388ac0008af2f000000001976a914fd270b1ee6abcaea97fea7ad0402e8bd8ad6d77c88ac92040000");
        var cache = new SigHashCache(tx, [Out(1_000_000_000, "a9144733f37cf4db86fbc2efed2500b4f4e49f31202387")]);

        Assert.Equal("b0287b4a252ac05af83d2dcef00ba313af78a3e9c329afa216eb3aa2a7b4613a", Hex(cache.HashPrevouts));
        Assert.Equal("18606b350cd8bf565266bc352f0caddcf01e8fa789dd8a15386327cf8cabe198", Hex(cache.HashSequences));
        Assert.Equal("de984f44532e2173ca0d64314fcefe6d30da6f8cf27bafa706da61df8a226c83", Hex(cache.HashOutputs));
        var keyHash = new Hash160(Convert.FromHexString("79091972186c449eb1ded22b78e40d009bdf0089"));
        Assert.True(cache.TryGetP2wpkhHash(0, keyHash, SigHashType.All, out var sigHash, out _));
        Assert.Equal("64f3b0f4dd2bb3aa1ce8566d220cc74dda9df97d8490cc81d89d735c92e59fb6", Hex(sigHash));
    }

    [Theory]
    [InlineData(0x01, "185c0be5263dce5b4bb50a047973c1b6272bfbd0103a89444597dc40b248ee7c")]
    [InlineData(0x02, "e9733bc60ea13c95c6527066bb975a2ff29a925e80aa14c213f686cbae5d2f36")]
    [InlineData(0x03, "1e1f1c303dc025bd664acb72e583e933fae4cff9148bf78c157d1e8f78530aea")]
    [InlineData(0x81, "2a67f03e63a6a422125878b40b82da593be8d4efaafe88ee528af6e5a9955c6e")]
    [InlineData(0x82, "781ba15f3779d5542ce8ecb5c18716733a5ee42a6f51488ec96154934e2c890a")]
    [InlineData(0x83, "511e8e52ed574121fc1b654970395502128263f62662e076dc6baf05c2e6a99b")]
    public void P2sh_p2wsh_example_matches_for_each_of_the_six_hash_types(byte hashType, string expected)
    {
        var tx = Transaction.ParseHex(
            "010000000136641869ca081e70f394c6948e8af409e18b619df2ed74aa106c1ca29787b96e0100000000ffffffff0200e9a435000000001976a914389ffce9cd9ae88dcc0631e88a821ffdbe9bfe2688acc0832f05000000001976a9147480a33f950689af511e6e84c138dbbd3c3ee41588ac00000000");
        var cache = new SigHashCache(tx, [Out(987_654_321, "a9149993a429037b5d912407a71c252019287b8d27a587")]);
        Assert.Equal("74afdc312af5183c4198a40ca3c1a275b485496dd3929bca388c4b5e31f7aaa0", Hex(cache.HashPrevouts));
        Assert.Equal("3bb13029ce7b1f559ef5e747fcac439f1455a2ec7c5f09b72290795e70665044", Hex(cache.HashSequences));
        Assert.Equal("bc4d309071414bed932f98832b27b4d76dad7e6c1346f487a8fdbb8eb90307cc", Hex(cache.HashOutputs));

        var scriptCode = Convert.FromHexString(
            "cf56210307b8ae49ac90a048e9b53357a2354b3334e9c8bee813ecb98e99a7e07e8c3ba32103b28f0c28bfab54554ae8c658ac5c3e0ce6e79ad336331f78c428dd43eea8449b21034b8113d703413d57761b8b9781957b8c0ac1dfe69f492580ca4195f50376ba4a21033400f6afecb833092a9a21cfdf1ed1376e58c5d1f47de74683123987e967a8f42103a6d48b1131e94ba04d9737d61acdaa1322008af9602b3b14862c07a1789aac162102d8b661b0b3302ee2f162b09e07a55ad5dfbe673a9f01d9f0c19617681024306b56ae");
        Assert.True(WitnessV0SigHash.TryCompute(cache, 0, scriptCode, new SigHashType(hashType), out var sigHash, out _));
        Assert.Equal(expected, Hex(sigHash));
    }

    [Theory]
    [InlineData("4721026dccc749adc2a9d0d89497ac511f760f45c47dc5ed9cf352a58ac706453880aeadab210255a9626aebf5e29c0e6538428ba0d1dcf6ca98ffdf086aa8ced5e0d0215ea465ac", "82dde6e4f1e94d02c2b7ad03d2115d691f48d064e9d52f58194a6637e4194391")]
    [InlineData("23210255a9626aebf5e29c0e6538428ba0d1dcf6ca98ffdf086aa8ced5e0d0215ea465ac", "fef7bd749cce710c5c052bd796df1af0d935e59cea63736268bcbe2d2134fc47")]
    public void Native_p2wsh_single_without_matching_output_commits_to_zero_outputs(string scriptCode, string expected)
    {
        var tx = Transaction.ParseHex(
            "0100000002fe3dc9208094f3ffd12645477b3dc56f60ec4fa8e6f5d67c565d1c6b9216b36e0000000000ffffffff0815cf020f013ed6cf91d29f4202e8a58726b1ac6c79da47c23d1bee0a6925f80000000000ffffffff0100f2052a010000001976a914a30741f8145e5acadf23f751864167f32e0963f788ac00000000");
        var cache = new SigHashCache(tx,
        [
            Out(156_250_000, "21036d5c20fa14fb2f635474c1dc4ef5909d4568e5569b79fc94d3448486e14685f8ac"),
            Out(4_900_000_000, "00205d1b56b63d714eebe542309525f484b7e9d6f686b3781b6f61ef925d66d6f6a0"),
        ]);
        Assert.Equal("ef546acf4a020de3898d1b8956176bb507e6211b5ed3619cd08b6ea7e2a09d41", Hex(cache.HashPrevouts));
        Assert.True(WitnessV0SigHash.TryCompute(cache, 1, Convert.FromHexString(scriptCode), SigHashType.Single, out var sigHash, out _));
        Assert.Equal(expected, Hex(sigHash));
    }

    [Theory]
    [InlineData(0, "270063ab68210392972e2eb617b2388771abe27235fd5ac44af8e61693261550447a4c3e39da98ac", "e9071e75e25b8a1e298a72f0d2e9f4f95a0f5cdf86a533cda597eb402ed13b3a")]
    [InlineData(1, "2468210392972e2eb617b2388771abe27235fd5ac44af8e61693261550447a4c3e39da98ac", "cd72f1f1a433ee9df816857fad88d8ebd97e09a75cd481583eb841c330275e54")]
    public void Native_p2wsh_single_anyonecanpay_matches(int inputIndex, string scriptCode, string expected)
    {
        var tx = Transaction.ParseHex(
            "0100000002e9b542c5176808107ff1df906f46bb1f2583b16112b95ee5380665ba7fcfc0010000000000ffffffff80e68831516392fcd100d186b3c2c7b95c80b53c77e77c35ba03a66b429a2a1b0000000000ffffffff0280969800000000001976a914de4b231626ef508c9a74a8517e6783c0546d6b2888ac80969800000000001976a9146648a8cd4531e1ec47f35916de8e259237294d1e88ac00000000");
        var cache = new SigHashCache(tx,
        [
            Out(16_777_215, "0020ba468eea561b26301e4cf69fa34bde4ad60c81e70f059f045ca9a79931004a4d"),
            Out(16_777_215, "0020d9bbfbe56af7c4b7f960a70d7ea107156913d9e5a26b0a71429df5e097ca6537"),
        ]);
        Assert.True(WitnessV0SigHash.TryCompute(cache, inputIndex, Convert.FromHexString(scriptCode), SigHashType.SingleAnyoneCanPay, out var sigHash, out _));
        Assert.Equal(expected, Hex(sigHash));
    }

    [Fact]
    public void No_find_and_delete_examples_match()
    {
        var spent = new[] { Out(200_000, "00209e1be07558ea5cc8e02ed1d80c0911048afad949affa36d5c3951e3159dbea19") };
        var first = new SigHashCache(Transaction.ParseHex("010000000169c12106097dc2e0526493ef67f21269fe888ef05c7a3a5dacab38e1ac8387f14c1d000000ffffffff0101000000000000000000000000"), spent);
        Assert.Equal("e5d196bfb21caca9dbd654cafb3b4dc0c4882c8927d2eb300d9539dd0b934228", Hex(first.HashOutputs));
        Assert.True(WitnessV0SigHash.TryCompute(first, 0,
            Convert.FromHexString("4aad4830450220487fb382c4974de3f7d834c1b617fe15860828c7f96454490edd6d891556dcc9022100baf95feb48f845d5bfc9882eb6aeefa1bc3790e39f59eaa46ff7f15ae626c53e01"),
            SigHashType.All, out var sigHash, out _));
        Assert.Equal("71c9cd9b2869b9c70b01b1f0360c148f42dee72297db312638df136f43311f23", Hex(sigHash));

        var second = new SigHashCache(Transaction.ParseHex(
            "010000000001019275cb8d4a485ce95741c013f7c0d28722160008021bb469a11982d47a6628964c1d000000ffffffff0101000000000000000007004830450220487fb382c4974de3f7d834c1b617fe15860828c7f96454490edd6d891556dcc9022100baf95feb48f845d5bfc9882eb6aeefa1bc3790e39f59eaa46ff7f15ae626c53e0148304502205286f726690b2e9b0207f0345711e63fa7012045b9eb0f19c2458ce1db90cf43022100e89f17f86abc5b149eba4115d4f128bcf45d77fb3ecdd34f594091340c0395960101022102966f109c54e85d3aee8321301136cedeb9fc710fdef58a9de8a73942f8e567c021034ffc99dd9a79dd3cb31e2ab3e0b09e0e67db41ac068c625cd1f491576016c84e9552af4830450220487fb382c4974de3f7d834c1b617fe15860828c7f96454490edd6d891556dcc9022100baf95feb48f845d5bfc9882eb6aeefa1bc3790e39f59eaa46ff7f15ae626c53e0148304502205286f726690b2e9b0207f0345711e63fa7012045b9eb0f19c2458ce1db90cf43022100e89f17f86abc5b149eba4115d4f128bcf45d77fb3ecdd34f594091340c039596017500000000"), spent);
        Assert.True(WitnessV0SigHash.TryCompute(second, 0,
            Convert.FromHexString("9552af4830450220487fb382c4974de3f7d834c1b617fe15860828c7f96454490edd6d891556dcc9022100baf95feb48f845d5bfc9882eb6aeefa1bc3790e39f59eaa46ff7f15ae626c53e0148304502205286f726690b2e9b0207f0345711e63fa7012045b9eb0f19c2458ce1db90cf43022100e89f17f86abc5b149eba4115d4f128bcf45d77fb3ecdd34f594091340c0395960175"),
            SigHashType.All, out sigHash, out _));
        Assert.Equal("c1628a1e7c67f14ca0c27c06e4fdeec2e6d1a73c7a91d7c046ff83e835aebb72", Hex(sigHash));
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x04)]
    [InlineData(0x80)]
    [InlineData(0x84)]
    [InlineData(0x41)]
    public void Undefined_hash_types_are_refused_with_a_specific_error(byte hashType)
    {
        var cache = OneInOneOut();
        Assert.False(cache.TryGetP2wpkhHash(0, default, new SigHashType(hashType), out _, out var error));
        Assert.Equal(SigHashError.UndefinedHashType, error);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(int.MaxValue)]
    public void An_input_index_out_of_range_is_refused_with_a_specific_error(int inputIndex)
    {
        Assert.False(OneInOneOut().TryGetP2wpkhHash(inputIndex, default, SigHashType.All, out _, out var error));
        Assert.Equal(SigHashError.InputIndexOutOfRange, error);
    }

    [Fact]
    public void A_cache_refuses_a_spent_output_list_of_the_wrong_length()
    {
        var tx = OneInOneOut().Transaction;
        Assert.Throws<ArgumentException>(() => new SigHashCache(tx, []));
    }

    private static SigHashCache OneInOneOut()
    {
        var tx = new TransactionBuilder()
            .AddInput(new OutPoint(new Txid(Sha256d.Hash([1])), 0))
            .AddOutput(Money.Coin, Script.FromHex("0014" + new string('1', 40)))
            .Build();
        return new SigHashCache(tx, [Out(200_000_000, "0014" + new string('2', 40))]);
    }
}
