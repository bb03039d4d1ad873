using Antimony.Consensus.Parameters;
using Antimony.Devnet.Checks;
using Antimony.Devnet.Rpc;
using Antimony.Primitives.Blocks;

namespace Antimony.Devnet.Funding;

/// <summary>
/// Funds a <see cref="DevnetKey"/> the only way a fresh network can: mining blocks to its address. Mines
/// <c>count + maturity</c> blocks so the first <c>count</c> coinbases are spendable in the next block, and reads
/// their outputs from the raw blocks (getblock verbosity 0) with the SDK's own decoder.
/// </summary>
internal static class Faucet
{
    /// <summary>Mines on <paramref name="node"/> and returns <paramref name="count"/> mature coinbase outputs paying <paramref name="key"/>.</summary>
    /// <exception cref="InvalidOperationException">A block holds no output to the key.</exception>
    public static async Task<IReadOnlyList<Coin>> MineCoinsAsync(NodeRpcClient node, ChainParameters parameters, DevnetKey key, int count, CancellationToken cancellationToken)
    {
        var hashes = await ChainWatch.GenerateAsync(node, count + parameters.CoinbaseMaturity, key.Address.ToString(), cancellationToken);
        if (hashes.Count < count + parameters.CoinbaseMaturity)
            throw new InvalidOperationException($"generatetoaddress returned {hashes.Count} blocks, {count + parameters.CoinbaseMaturity} asked.");
        var coins = new List<Coin>(count);
        foreach (string hash in hashes.Take(count))
        {
            string hex = (await node.CallAsync("getblock", [hash, 0], cancellationToken))!.GetValue<string>();
            var coinbase = Block.Parse(Convert.FromHexString(hex)).Transactions[0];
            int index = coinbase.Outputs.ToList().FindIndex(o => o.ScriptPubKey.Equals(key.Script));
            if (index < 0)
                throw new InvalidOperationException($"block {hash} does not pay {key.Address}.");
            coins.Add(new Coin(new(coinbase.Txid, (uint)index), coinbase.Outputs[index]));
        }
        return coins;
    }

    /// <summary>The parameters of a built-in network by name.</summary>
    /// <exception cref="InvalidOperationException">Not a built-in network.</exception>
    public static ChainParameters ParametersOf(string network) => network.ToLowerInvariant() switch
    {
        "devnet" => ChainParameters.Devnet,
        "regtest" => ChainParameters.Regtest,
        "testnet" => ChainParameters.Testnet,
        "mainnet" => ChainParameters.Mainnet,
        _ => throw new InvalidOperationException($"Unknown network '{network}'."),
    };
}
