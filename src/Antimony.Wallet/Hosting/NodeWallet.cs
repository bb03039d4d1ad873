using Antimony.Consensus.Chain;
using Antimony.Consensus.Events;
using Antimony.Consensus.Mempool;
using Antimony.Consensus.Parameters;
using Antimony.Primitives.Addresses;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;
using Antimony.Wallet.Accounts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Antimony.Wallet.Hosting;

/// <summary>
/// The node's wallet: one BIP86 taproot account whose seed is kept in an encrypted key file, following the
/// active chain through <see cref="IChainEvents"/> (blocks connected and disconnected, mempool additions and
/// removals), counting coinbase maturity, and sending through the <see cref="TransactionPool"/> so the node's
/// relay announces its transactions. Its state (scanned block, transactions, labels, address indexes) is saved
/// after every change and reloaded on start, catching up — or rewinding past a reorganization — from the
/// stored block.
/// </summary>
/// <remarks>
/// Registered by <see cref="WalletBuilderExtensions.AddWallet"/>. Every public method is thread-safe; the wallet
/// opens on host start, or on first use when no host runs it.
/// </remarks>
public sealed partial class NodeWallet : IHostedService, IDisposable
{
    private readonly ChainState _chain;
    private readonly IChainEvents _events;
    private readonly TransactionPool? _pool;
    private readonly WalletOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ChainParameters _parameters;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly Dictionary<Script, (uint Chain, uint Index)> _scripts = [];
    private readonly Dictionary<Txid, TrackedTransaction> _transactions = [];
    private readonly Dictionary<OutPoint, (TrackedTransaction Transaction, TxOut Output)> _owned = [];
    private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal);
    private readonly uint[] _issued = new uint[2];
    private readonly uint[] _watched = new uint[2];
    private TaprootAccount? _account;
    private BlockHash? _tipHash;
    private int _tipHeight = -1;
    private long _nextSequence;
    private bool _opened;
    private bool _needsReconcile;

    /// <summary>Creates the wallet (it opens its files on <see cref="StartAsync"/> or first use).</summary>
    public NodeWallet(ChainState chain, IChainEvents events, IOptions<WalletOptions> options, ILogger<NodeWallet>? logger = null,
        TimeProvider? time = null, TransactionPool? pool = null)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(options);
        _chain = chain;
        _events = events;
        _pool = pool;
        _options = options.Value;
        _logger = logger ?? NullLogger<NodeWallet>.Instance;
        _time = time ?? TimeProvider.System;
        _parameters = chain.Parameters;
    }

    /// <summary>The wallet's directory.</summary>
    public string DirectoryPath => _options.Path ?? throw new InvalidOperationException("The wallet has no Path (Antimony:Wallet:Path).");

    /// <summary>The last block the wallet has processed (-1 before any).</summary>
    public int Height
    {
        get
        {
            lock (_gate)
                return _tipHeight;
        }
    }

    /// <summary>A fresh receive address (the next unused BIP86 index), optionally labelled.</summary>
    public SegwitAddress GetNewAddress(string? label = null)
    {
        Open();
        lock (_gate)
        {
            uint index = _issued[TaprootAccount.ReceiveChain]++;
            Watch(TaprootAccount.ReceiveChain);
            var address = _account!.GetReceiveKey(index).Address;
            if (!string.IsNullOrEmpty(label))
                _labels[address.ToString()] = label;
            Save();
            return address;
        }
    }

    /// <summary>
    /// Whether <paramref name="address"/> is one of the wallet's watched addresses (issued ones and the lookahead
    /// window past them, on both chains), e.g. for <c>getaddressinfo</c>'s <c>ismine</c>.
    /// </summary>
    public bool IsMine(SegwitAddress address)
    {
        Open();
        if (address.Hrp != _parameters.Network.Bech32Hrp)
            return false;
        lock (_gate)
            return _scripts.ContainsKey(address.ToScript());
    }

    /// <summary>
    /// The balance: mature outputs with at least <paramref name="minConfirmations"/> confirmations are
    /// <see cref="WalletBalance.Confirmed"/>, others <see cref="WalletBalance.Unconfirmed"/>, and coinbase
    /// outputs younger than the network's coinbase maturity <see cref="WalletBalance.Immature"/>.
    /// </summary>
    public WalletBalance GetBalance(int minConfirmations = 1)
    {
        Open();
        lock (_gate)
        {
            long confirmed = 0, unconfirmed = 0, immature = 0;
            foreach (var (_, (tracked, output)) in Unspent())
            {
                if (!IsMature(tracked))
                    immature += output.Value.Atoms;
                else if (ConfirmationsOf(tracked) >= minConfirmations)
                    confirmed += output.Value.Atoms;
                else
                    unconfirmed += output.Value.Atoms;
            }
            return new WalletBalance(new Money(confirmed), new Money(unconfirmed), new Money(immature));
        }
    }

    /// <summary>Spendable outputs (immature coinbase excluded) with confirmations in [<paramref name="minConfirmations"/>, <paramref name="maxConfirmations"/>].</summary>
    public IReadOnlyList<WalletCoin> ListUnspent(int minConfirmations = 1, int maxConfirmations = int.MaxValue)
    {
        Open();
        lock (_gate)
        {
            var coins = new List<WalletCoin>();
            foreach (var (outPoint, (tracked, output)) in Unspent())
            {
                int confirmations = ConfirmationsOf(tracked);
                if (!IsMature(tracked) || confirmations < minConfirmations || confirmations > maxConfirmations)
                    continue;
                var (chain, index) = _scripts[output.ScriptPubKey];
                var address = SegwitAddress.FromScript(output.ScriptPubKey, _parameters.Network);
                coins.Add(new WalletCoin(outPoint, output.Value, address, _labels.GetValueOrDefault(address.ToString()), output.ScriptPubKey,
                    confirmations, tracked.Transaction.IsCoinbase, _account!.Path.Append(chain).Append(index)));
            }
            return coins;
        }
    }

    /// <summary>Opens the wallet and catches up with the chain.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Open();
        return Task.CompletedTask;
    }

    /// <summary>Stops following the chain and saves the state.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_opened)
            {
                Unsubscribe();
                Save();
                _opened = false;
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>Stops following the chain.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_opened)
                Unsubscribe();
            _opened = false;
        }
        _sendGate.Dispose();
    }

    /// <summary>Outputs the wallet owns that no live wallet transaction spends.</summary>
    private IEnumerable<KeyValuePair<OutPoint, (TrackedTransaction Transaction, TxOut Output)>> Unspent()
    {
        var spent = new HashSet<OutPoint>();
        foreach (var tracked in _transactions.Values)
        {
            if (tracked.Transaction.IsCoinbase || !IsLive(tracked))
                continue;
            foreach (var input in tracked.Transaction.Inputs)
                spent.Add(input.PreviousOutput);
        }
        return _owned.Where(o => !spent.Contains(o.Key) && IsLive(o.Value.Transaction)).OrderBy(o => o.Value.Transaction.Sequence).ThenBy(o => o.Key.Index);
    }

    /// <summary>
    /// Whether <paramref name="tracked"/> can still confirm: it is in the active chain, or it is pending, not
    /// abandoned, and every wallet output it spends comes from a live transaction (a send from an orphaned
    /// coinbase dies with it even if the mempool never says so).
    /// </summary>
    private bool IsLive(TrackedTransaction tracked)
    {
        if (tracked.IsConfirmed)
            return true;
        if (tracked.Abandoned)
            return false;
        foreach (var input in tracked.Transaction.Inputs)
        {
            // Recursion only walks pending ancestors: a confirmed parent answers at once.
            if (_owned.TryGetValue(input.PreviousOutput, out var parent) && !IsLive(parent.Transaction))
                return false;
        }
        return true;
    }

    /// <summary>Blocks since (and including) the one holding it; 0 pending; -1 when it can no longer confirm.</summary>
    private int ConfirmationsOf(TrackedTransaction tracked) =>
        !IsLive(tracked) ? -1 : tracked.Height is int height ? _tipHeight - height + 1 : 0;

    /// <summary>Consensus' coinbase maturity for a spend in the next block (CoinbaseMaturityRule).</summary>
    private bool IsMature(TrackedTransaction tracked) =>
        !tracked.Transaction.IsCoinbase || (tracked.Height is int height && _tipHeight + 1 - height >= _parameters.CoinbaseMaturity);
}
