using Antimony.Consensus.Hosting;
using Antimony.Consensus.Mempool;
using Antimony.Consensus.Parameters;
using Antimony.Consensus.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Antimony.Consensus.Tests.Mempool;

/// <summary><c>AddMempool</c>: composition, TryAdd semantics and option validation.</summary>
public sealed class MempoolCompositionTests
{
    [Fact]
    public void AddMempool_registers_one_pool_with_the_configured_options()
    {
        using var node = new TestNode(ChainParameters.Regtest, b => b.AddMempool(o => o.MaxOrphanCount = 7).AddMempool());
        var pool = node.Services.GetRequiredService<TransactionPool>();
        Assert.Same(pool, node.Services.GetRequiredService<TransactionPool>());
        Assert.Equal(7, pool.Options.MaxOrphanCount);
        Assert.Single(node.Services.GetServices<IValidateOptions<MempoolOptions>>());
    }

    [Fact]
    public void Invalid_options_fail_when_the_pool_is_built_naming_each_setting()
    {
        using var node = new TestNode(ChainParameters.Regtest, b => b.AddMempool(o =>
        {
            o.MaxOrphanCount = -1;
            o.IncrementalRelayFeeRate = FeeRate.Zero;
        }));
        var error = Assert.Throws<OptionsValidationException>(() => node.Services.GetRequiredService<TransactionPool>());
        Assert.Contains(error.Failures, f => f.Contains(nameof(MempoolOptions.MaxOrphanCount), StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains(nameof(MempoolOptions.IncrementalRelayFeeRate), StringComparison.Ordinal));
    }

    [Fact]
    public void The_defaults_are_valid_and_follow_core()
    {
        var options = new MempoolOptions();
        Assert.True(new MempoolOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(25, options.MaxAncestorCount);
        Assert.Equal(25, options.MaxDescendantCount);
        Assert.Equal(100, options.MaxReplacementEvictions);
        Assert.Equal(400_000, options.MaxTransactionWeight);
        Assert.Equal(TimeSpan.FromDays(14), options.Expiry);
        Assert.Equal(new FeeRate(1_000), options.MinRelayFeeRate);
    }

    [Theory]
    [InlineData(nameof(MempoolOptions.MaxSizeBytes))]
    [InlineData(nameof(MempoolOptions.MaxTransactionWeight))]
    [InlineData(nameof(MempoolOptions.Expiry))]
    [InlineData(nameof(MempoolOptions.OrphanExpiry))]
    [InlineData(nameof(MempoolOptions.MaxAncestorCount))]
    [InlineData(nameof(MempoolOptions.StandardOutputTypes))]
    public void Each_bad_setting_is_named(string setting)
    {
        var options = new MempoolOptions();
        switch (setting)
        {
            case nameof(MempoolOptions.MaxSizeBytes): options.MaxSizeBytes = 1_000; break;
            case nameof(MempoolOptions.MaxTransactionWeight): options.MaxTransactionWeight = 10; break;
            case nameof(MempoolOptions.Expiry): options.Expiry = TimeSpan.Zero; break;
            case nameof(MempoolOptions.OrphanExpiry): options.OrphanExpiry = TimeSpan.FromSeconds(-1); break;
            case nameof(MempoolOptions.MaxAncestorCount): options.MaxAncestorCount = 0; break;
            default: options.StandardOutputTypes.Clear(); break;
        }
        var result = new MempoolOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(setting, StringComparison.Ordinal));
    }

    [Fact]
    public void A_host_registration_wins()
    {
        var services = new ServiceCollection();
        var builder = services.AddAntimony(ChainParameters.Regtest).AddInMemoryStore();
        services.AddSingleton<TransactionPool>(_ => throw new InvalidOperationException("host's"));
        builder.AddMempool();
        Assert.Single(services, d => d.ServiceType == typeof(TransactionPool));
    }
}
