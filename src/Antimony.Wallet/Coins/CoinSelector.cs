using System.Diagnostics.CodeAnalysis;
using Antimony.Consensus.Mempool;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;

namespace Antimony.Wallet.Coins;

/// <summary>
/// Chooses which P2TR coins pay a set of outputs at a fee rate. First branch and bound looks for a set whose
/// value lands between the target and the target plus the cost of a change output, so no change is needed
/// (Core's <c>SelectCoinsBnB</c>); then the smallest single coin that covers the payment with change; then coins
/// largest first. Fees are computed from the exact weight of the signed transaction, and change below the dust
/// threshold is never made: it goes to the fee instead.
/// </summary>
/// <example>
/// <code>
/// var selector = new CoinSelector(FeeRate.FromAtomsPerVirtualByte(2));
/// CoinSelection selection = selector.Select(coins, [new TxOut(Money.FromCoins(1), to.ToScript())]);
/// </code>
/// </example>
public sealed class CoinSelector
{
    /// <summary>Core's P2TR dust threshold at its default dust relay fee (3 atom/vB × (43 + 67) vB).</summary>
    public static readonly Money DefaultDustThreshold = new(330);

    /// <summary>How many branch-and-bound steps are tried before falling back (Core uses 100,000).</summary>
    public const int MaxBranchAndBoundTries = 100_000;

    /// <summary>A selector paying <paramref name="feeRate"/>, making no change below <paramref name="dustThreshold"/> (default 330 atoms).</summary>
    public CoinSelector(FeeRate feeRate, Money? dustThreshold = null)
    {
        if (feeRate.AtomsPerKilovirtualByte < 0)
            throw new ArgumentOutOfRangeException(nameof(feeRate), feeRate, "A fee rate is not negative.");
        FeeRate = feeRate;
        DustThreshold = dustThreshold ?? DefaultDustThreshold;
    }

    /// <summary>The fee rate the transaction pays.</summary>
    public FeeRate FeeRate { get; }

    /// <summary>The smallest change (and payment) the selector makes.</summary>
    public Money DustThreshold { get; }

    /// <summary>Selects coins paying <paramref name="payments"/> with a P2TR change output when change is worth making.</summary>
    /// <exception cref="CoinSelectionException">Funds are insufficient, or a payment is empty or dust.</exception>
    /// <exception cref="ArgumentException">A coin is not a P2TR output.</exception>
    public CoinSelection Select(IReadOnlyList<SpendableCoin> coins, IReadOnlyList<TxOut> payments)
    {
        ArgumentNullException.ThrowIfNull(coins);
        ArgumentNullException.ThrowIfNull(payments);
        if (TrySelect(coins, payments, out var selection, out var error))
            return selection;
        Money available = Money.Sum(coins.Select(c => c.Output.Value));
        Money required = Money.Sum(payments.Select(p => p.Value)) + Fee(1, payments, change: false);
        throw error == CoinSelectionError.InvalidAmount
            ? new CoinSelectionException(error, available, required, $"Every payment must be at least the dust threshold {DustThreshold}.")
            : new CoinSelectionException(error, available, required, $"Insufficient funds: {available} available, at least {required} needed.");
    }

    /// <summary>As <see cref="Select"/>; false with the reason instead of throwing.</summary>
    public bool TrySelect(IReadOnlyList<SpendableCoin> coins, IReadOnlyList<TxOut> payments,
        [NotNullWhen(true)] out CoinSelection? selection, out CoinSelectionError error)
    {
        ArgumentNullException.ThrowIfNull(coins);
        ArgumentNullException.ThrowIfNull(payments);
        selection = null;
        if (payments.Count == 0 || payments.Any(p => p.Value < DustThreshold || p.Value <= Money.Zero))
        {
            error = CoinSelectionError.InvalidAmount;
            return false;
        }
        foreach (var coin in coins)
        {
            if (ScriptPubKey.Classify(coin.Output.ScriptPubKey.Span) != OutputType.P2tr)
                throw new ArgumentException($"Coin {coin.OutPoint} is not a P2TR output.", nameof(coins));
        }
        long amount = payments.Sum(p => p.Value.Atoms);
        long inputFee = FeeRate.GetFee(TaprootWeights.VirtualSize(TaprootWeights.InputWeight)).Atoms;
        // Coins that cost more to spend than they hold are never worth selecting.
        var useful = coins.Where(c => c.Output.Value.Atoms > inputFee)
            .OrderByDescending(c => c.Output.Value.Atoms).ThenBy(c => c.OutPoint.Txid.ToString()).ThenBy(c => c.OutPoint.Index).ToArray();

        var candidates = new List<CoinSelection>(3);
        if (BranchAndBound(useful, payments, amount) is { } changeless)
            candidates.Add(changeless);
        if (SmallestCovering(useful, payments, amount) is { } single)
            candidates.Add(single);
        if (LargestFirst(useful, payments, amount) is { } largest)
            candidates.Add(largest);
        if (candidates.Count == 0)
        {
            error = CoinSelectionError.InsufficientFunds;
            return false;
        }
        // Changeless first (it saves an output now and an input later), then the cheapest, then the fewest inputs.
        selection = candidates.OrderBy(c => c.HasChange).ThenBy(c => c.Fee.Atoms).ThenBy(c => c.Inputs.Count).First();
        error = CoinSelectionError.None;
        return true;
    }

    /// <summary>
    /// The exact outcome of spending <paramref name="inputs"/>: with change when the change would be at least dust,
    /// else without change (the excess becoming fee); null when the inputs do not pay for themselves.
    /// </summary>
    internal CoinSelection? Evaluate(IReadOnlyList<SpendableCoin> inputs, IReadOnlyList<TxOut> payments, long amount, CoinSelectionAlgorithm algorithm)
    {
        long total = inputs.Sum(c => c.Output.Value.Atoms);
        long feeWithChange = Fee(inputs.Count, payments, change: true).Atoms;
        long change = total - amount - feeWithChange;
        if (change >= DustThreshold.Atoms)
            return new CoinSelection(inputs, new Money(feeWithChange), new Money(change), VirtualSize(inputs.Count, payments, true), algorithm);
        long feeWithout = Fee(inputs.Count, payments, change: false).Atoms;
        if (total - amount < feeWithout)
            return null;
        return new CoinSelection(inputs, new Money(total - amount), Money.Zero, VirtualSize(inputs.Count, payments, false), algorithm);
    }

    private CoinSelection? BranchAndBound(SpendableCoin[] coins, IReadOnlyList<TxOut> payments, long amount)
    {
        // Work in atoms x 4000 so an input's share of the fee (rate x 230 WU / 4000) is exact rather than rounded up
        // per input, which would hide exact matches; every candidate is then checked with the exact fee.
        Int128 rate = FeeRate.AtomsPerKilovirtualByte;
        var effective = coins.Select(c => (Int128)c.Output.Value.Atoms * 4000 - rate * TaprootWeights.InputWeight).ToArray();
        int outputsWeight = payments.Sum(p => TaprootWeights.OutputWeight(p.ScriptPubKey.Length));
        Int128 target = (Int128)amount * 4000 + rate * TaprootWeights.TransactionWeight(0, payments.Count, outputsWeight);
        // Change is worth making only above: its output's fee, the fee to spend it later, and the dust threshold.
        Int128 costOfChange = rate * (TaprootWeights.P2trOutputWeight + TaprootWeights.InputWeight) + (Int128)DustThreshold.Atoms * 4000;
        var remaining = new Int128[effective.Length + 1];
        for (int i = effective.Length - 1; i >= 0; i--)
            remaining[i] = remaining[i + 1] + effective[i];
        if (remaining[0] < target)
            return null;

        var chosen = new bool[effective.Length];
        CoinSelection? best = null;
        Int128 bestWaste = Int128.MaxValue;
        Int128 sum = 0;
        int depth = 0, tries = 0;
        // Depth-first over "include coin i" before "skip coin i" (coins sorted by value, largest first), pruning
        // branches that overshoot the window or cannot reach the target with what is left.
        while (tries++ < MaxBranchAndBoundTries)
        {
            bool backtrack = false;
            if (sum + remaining[depth] < target || sum > target + costOfChange)
                backtrack = true;
            else if (sum >= target)
            {
                Int128 waste = sum - target;
                if (waste < bestWaste
                    && Evaluate(coins.Where((_, i) => i < depth && chosen[i]).ToArray(), payments, amount, CoinSelectionAlgorithm.BranchAndBound) is { } found)
                {
                    bestWaste = waste;
                    best = found;
                }
                backtrack = true;
            }
            else if (depth == effective.Length)
                backtrack = true;

            if (backtrack)
            {
                // Undo down to the last included coin and try skipping it instead.
                while (depth > 0 && !chosen[depth - 1])
                    depth--;
                if (depth == 0)
                    break;
                depth--;
                chosen[depth] = false;
                sum -= effective[depth];
                depth++;
            }
            else
            {
                chosen[depth] = true;
                sum += effective[depth];
                depth++;
            }
        }
        return best;
    }

    private CoinSelection? SmallestCovering(SpendableCoin[] coins, IReadOnlyList<TxOut> payments, long amount)
    {
        for (int i = coins.Length - 1; i >= 0; i--)
        {
            if (Evaluate([coins[i]], payments, amount, CoinSelectionAlgorithm.SingleCoin) is { HasChange: true } selection)
                return selection;
        }
        return null;
    }

    private CoinSelection? LargestFirst(SpendableCoin[] coins, IReadOnlyList<TxOut> payments, long amount)
    {
        var inputs = new List<SpendableCoin>();
        foreach (var coin in coins)
        {
            inputs.Add(coin);
            if (Evaluate(inputs.ToArray(), payments, amount, CoinSelectionAlgorithm.LargestFirst) is { } selection)
                return selection;
        }
        return null;
    }

    private Money Fee(int inputs, IReadOnlyList<TxOut> payments, bool change) =>
        FeeRate.GetFee(VirtualSize(inputs, payments, change));

    private static int VirtualSize(int inputs, IReadOnlyList<TxOut> payments, bool change)
    {
        int outputsWeight = payments.Sum(p => TaprootWeights.OutputWeight(p.ScriptPubKey.Length)) + (change ? TaprootWeights.P2trOutputWeight : 0);
        return TaprootWeights.VirtualSize(TaprootWeights.TransactionWeight(inputs, payments.Count + (change ? 1 : 0), outputsWeight));
    }
}
