using Antimony.Consensus.Parameters;
using Antimony.Mining.Hosting;
using Antimony.Mining.Tests.Support;
using Antimony.Primitives.Addresses;
using Antimony.Primitives.Networks;
using Microsoft.Extensions.Options;

namespace Antimony.Mining.Tests.Hosting;

public class MiningOptionsTests
{
    private static readonly TestKey Key = new(11);
    private static readonly MiningOptionsValidator Regtest = new(ChainParameters.Regtest);

    private static MiningOptions Valid() => new() { Address = Key.AddressFor(Network.Regtest), Threads = 1 };

    [Fact]
    public void A_regtest_p2tr_or_p2wpkh_address_with_a_sane_thread_count_is_accepted()
    {
        Assert.True(Regtest.Validate(null, Valid()).Succeeded);
        var p2wpkh = Valid();
        p2wpkh.Address = new SegwitAddress(Network.Regtest, 0, new byte[20]).ToString();
        p2wpkh.Threads = Environment.ProcessorCount * 4;
        Assert.True(Regtest.Validate(null, p2wpkh).Succeeded);
    }

    public static TheoryData<string, Action<MiningOptions>> Invalid => new()
    {
        { "missing address", o => o.Address = null },
        { "another network's HRP", o => o.Address = Key.AddressFor(Network.Mainnet) },
        { "garbage", o => o.Address = "ratmn1notanaddress" },
        { "unspendable witness program (P2WSH)", o => o.Address = new SegwitAddress(Network.Regtest, 0, new byte[32]).ToString() },
        { "unspendable witness version 2", o => o.Address = new SegwitAddress(Network.Regtest, 2, new byte[32]).ToString() },
        { "no threads", o => o.Threads = 0 },
        { "too many threads", o => o.Threads = Environment.ProcessorCount * 4 + 1 },
        { "old block version", o => o.BlockVersion = 3 },
        { "weight above the network's", o => o.MaxBlockWeight = ChainParameters.Regtest.MaxBlockWeight + 1 },
        { "tag too long", o => o.CoinbaseTag = new string('x', MiningOptions.MaxCoinbaseTagLength + 1) },
        { "non-ASCII tag", o => o.CoinbaseTag = "Ä" },
        { "zero refresh interval", o => o.TemplateRefreshInterval = TimeSpan.Zero },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_options_are_refused_with_a_message(string why, Action<MiningOptions> edit)
    {
        var options = Valid();
        edit(options);
        var result = Regtest.Validate(null, options);
        Assert.True(result.Failed, why);
        Assert.NotEmpty(result.FailureMessage);
    }

    [Fact]
    public async Task A_host_with_a_mainnet_address_on_regtest_fails_at_start()
    {
        await using var node = TestNode.Create(ChainParameters.Regtest, o => o.Address = Key.AddressFor(Network.Mainnet));
        var error = await Assert.ThrowsAsync<OptionsValidationException>(node.StartAsync);
        Assert.Contains("HRP 'ratmn'", error.Message);
    }
}
