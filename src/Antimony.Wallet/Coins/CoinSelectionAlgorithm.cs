namespace Antimony.Wallet.Coins;

/// <summary>Which strategy of <see cref="CoinSelector"/> produced a selection.</summary>
public enum CoinSelectionAlgorithm
{
    /// <summary>Branch and bound found a set that needs no change output.</summary>
    BranchAndBound,

    /// <summary>The smallest single coin that covers the payment with change.</summary>
    SingleCoin,

    /// <summary>Coins added largest first until the payment and fee were covered.</summary>
    LargestFirst,
}
