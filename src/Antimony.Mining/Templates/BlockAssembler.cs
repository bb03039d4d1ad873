using System.Collections.Immutable;
using System.Text;
using Antimony.Consensus.Chain;
using Antimony.Consensus.Difficulty;
using Antimony.Consensus.Parameters;
using Antimony.Mining.Hosting;
using Antimony.Primitives.Addresses;
using Antimony.Primitives.Numerics;
using Antimony.Primitives.Scripts;
using Microsoft.Extensions.Options;

namespace Antimony.Mining.Templates;

/// <summary>
/// Builds a <see cref="BlockTemplate"/> on a tip: transactions from the <see cref="ITransactionSelector"/>
/// within the block weight limit (less the exact room the header and coinbase take), a coinbase paying
/// subsidy plus fees to the configured address, bits from the consensus difficulty algorithm, and the
/// time <c>max(median time past + 1, now)</c>.
/// </summary>
public sealed class BlockAssembler
{
    // The transaction count is a CompactSize; a count below 2^32 takes at most 5 bytes (weight 4 each).
    private const int MaxCountWeight = 4 * 5;

    private readonly ChainParameters _parameters;
    private readonly IDifficultyAlgorithm _difficulty;
    private readonly ITransactionSelector _selector;
    private readonly TimeProvider _time;
    private readonly Script _payout;
    private readonly int _version;
    private readonly int _maxWeight;
    private readonly byte[] _tagPush;

    /// <summary>Creates an assembler for the network in <paramref name="parameters"/>.</summary>
    /// <exception cref="OptionsValidationException">The options are invalid for the network.</exception>
    public BlockAssembler(ChainParameters parameters, IDifficultyAlgorithm difficulty, ITransactionSelector selector, IOptions<MiningOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(difficulty);
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var value = options.Value;
        var validation = new MiningOptionsValidator(parameters).Validate(null, value);
        if (validation.Failed)
            throw new OptionsValidationException(nameof(MiningOptions), typeof(MiningOptions), validation.Failures);
        _parameters = parameters;
        _difficulty = difficulty;
        _selector = selector;
        _time = timeProvider;
        _payout = SegwitAddress.Parse(value.Address!, parameters.Network).ToScript();
        _version = value.BlockVersion;
        _maxWeight = value.MaxBlockWeight ?? parameters.MaxBlockWeight;
        var tag = Encoding.ASCII.GetBytes(value.CoinbaseTag ?? "");
        _tagPush = tag.Length == 0 ? [] : [(byte)tag.Length, .. tag];
    }

    /// <summary>The script the coinbase pays to.</summary>
    public Script PayoutScript => _payout;

    /// <summary>The weight a template may reach: the option, or the network's limit.</summary>
    public int MaxWeight => _maxWeight;

    /// <summary>Builds a template extending <paramref name="tip"/>.</summary>
    public BlockTemplate Create(ChainEntry tip)
    {
        ArgumentNullException.ThrowIfNull(tip);
        int height = tip.Height + 1;
        var bits = _difficulty.GetNextBits(tip);
        var now = _time.GetUtcNow();
        uint minTime = tip.MedianTimePast + 1;
        uint time = Math.Max(minTime, (uint)Math.Clamp(now.ToUnixTimeSeconds(), 0, uint.MaxValue));
        var subsidy = _parameters.GetBlockSubsidy(height);

        // A coinbase-only draft measures the exact room the header and coinbase need (the coinbase's size
        // does not depend on its value or extra-nonce); the rest goes to transactions.
        var draft = Build(tip, height, bits, minTime, time, subsidy, [], now);
        long room = _maxWeight - draft.Weight - MaxCountWeight;
        var selection = _selector.Select(Math.Max(room, 0));
        if (selection.Entries.IsEmpty)
            return draft;
        ImmutableArray<Primitives.Transactions.Transaction> transactions = [.. selection.Transactions];
        return new BlockTemplate(tip.Hash, height, _version, bits, minTime, time, subsidy, selection.Fees, transactions, _payout,
            BlockTemplate.CreateCommitmentScript(transactions), _tagPush, now);
    }

    private BlockTemplate Build(ChainEntry tip, int height, CompactTarget bits, uint minTime, uint time, Primitives.Amounts.Money subsidy,
        ImmutableArray<Primitives.Transactions.Transaction> transactions, DateTimeOffset now) =>
        new(tip.Hash, height, _version, bits, minTime, time, subsidy, Primitives.Amounts.Money.Zero, transactions, _payout,
            BlockTemplate.CreateCommitmentScript(transactions), _tagPush, now);
}
