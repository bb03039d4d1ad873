using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Transactions;
using Antimony.Wallet.Accounts;
using Antimony.Wallet.Mnemonics;
using Antimony.Wallet.Storage;

namespace Antimony.Wallet.Hosting;

public sealed partial class NodeWallet
{
    private const string KeyFileName = "wallet.key";
    private const string StateFileName = "wallet.state.json";
    private const string PassphraseFileName = "wallet.passphrase";
    private const byte KeyPayloadVersion = 1;

    private string StatePath => Path.Combine(DirectoryPath, StateFileName);

    /// <summary>Opens the key file and state (creating them for a new wallet), subscribes to the chain and catches up.</summary>
    private void Open()
    {
        if (Volatile.Read(ref _opened))
            return;
        lock (_gate)
        {
            if (_opened)
                return;
            Directory.CreateDirectory(DirectoryPath);
            bool created = LoadAccount();
            if (!LoadState() && created)
            {
                // A brand-new seed has no history: start at the current tip instead of rescanning the chain.
                _tipHash = _chain.Tip.Hash;
                _tipHeight = _chain.Tip.Height;
                Log.Created(_logger, DirectoryPath, _account!.Path.ToString());
            }
            WatchAll();
            Subscribe();
            _opened = true;
            Log.Opened(_logger, _tipHeight, _transactions.Count, _chain.Tip.Height);
            Synchronize();
            ScanMempool();
            Save();
        }
        ResubmitPending();
    }

    /// <summary>
    /// Picks up wallet transactions already in the mempool (a wallet learns them from events, which it missed while
    /// closed); repeated until nothing changes, because a child is relevant only once its parent is tracked.
    /// </summary>
    private void ScanMempool()
    {
        if (_pool is null)
            return;
        var entries = _pool.GetEntries();
        for (bool changed = true; changed;)
        {
            changed = false;
            foreach (var entry in entries)
            {
                if (!_transactions.ContainsKey(entry.Txid) && IsRelevant(entry.Transaction))
                {
                    Track(entry.Transaction);
                    changed = true;
                }
            }
        }
    }

    /// <summary>Reads the seed entropy from the key file, or makes a new 24-word seed; true when created.</summary>
    private bool LoadAccount()
    {
        string keyPath = Path.Combine(DirectoryPath, KeyFileName);
        bool exists = File.Exists(keyPath);
        string passphrase = _options.Passphrase ?? LoadOrCreatePassphrase(create: !exists);
        byte[] entropy;
        if (exists)
        {
            byte[] payload = KeyFile.Read(keyPath, passphrase);
            if (payload.Length < 17 || payload[0] != KeyPayloadVersion)
                throw new KeyFileException(KeyFileError.UnsupportedVersion, $"{keyPath} holds an unknown wallet payload.");
            entropy = payload[1..];
            CryptographicOperations.ZeroMemory(payload);
        }
        else
        {
            entropy = Mnemonic.Generate(24).GetEntropy();
            byte[] payload = [KeyPayloadVersion, .. entropy];
            KeyFile.Write(keyPath, payload, passphrase);
            CryptographicOperations.ZeroMemory(payload);
        }
        byte[] seed = Mnemonic.FromEntropy(entropy).ToSeed();
        _account = TaprootAccount.FromSeed(seed, _parameters.Network, (uint)_options.Account);
        CryptographicOperations.ZeroMemory(seed);
        CryptographicOperations.ZeroMemory(entropy);
        return !exists;
    }

    /// <summary>The generated passphrase of a wallet configured without one (see <see cref="WalletOptions.Passphrase"/>).</summary>
    private string LoadOrCreatePassphrase(bool create)
    {
        string path = Path.Combine(DirectoryPath, PassphraseFileName);
        if (File.Exists(path))
            return File.ReadAllText(path, Encoding.UTF8).Trim();
        if (!create)
            throw new InvalidOperationException(
                $"{Path.Combine(DirectoryPath, KeyFileName)} exists but no passphrase is configured (Antimony:Wallet:Passphrase) and {path} is missing.");
        string passphrase = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        AtomicFile.Write(path, Encoding.UTF8.GetBytes(passphrase));
        Log.GeneratedPassphrase(_logger, path);
        return passphrase;
    }

    /// <summary>Reads <c>wallet.state.json</c>; false when there is none.</summary>
    private bool LoadState()
    {
        if (!File.Exists(StatePath))
            return false;
        var document = JsonSerializer.Deserialize(File.ReadAllBytes(StatePath), WalletStateJsonContext.Default.WalletStateDocument)
            ?? throw new InvalidDataException($"{StatePath} is empty.");
        if (document.Network != _parameters.Name)
            throw new InvalidOperationException($"{StatePath} belongs to network '{document.Network}', not '{_parameters.Name}'; use another wallet Path.");
        if (document.Account != _options.Account)
            throw new InvalidOperationException($"{StatePath} is account {document.Account}, not {_options.Account}; use another wallet Path.");
        _issued[TaprootAccount.ReceiveChain] = document.ReceiveIndex;
        _issued[TaprootAccount.ChangeChain] = document.ChangeIndex;
        _tipHash = document.TipHash is null ? null : BlockHash.Parse(document.TipHash);
        _tipHeight = document.TipHash is null ? -1 : document.TipHeight;
        _nextSequence = document.NextSequence;
        foreach (var (address, label) in document.Labels)
            _labels[address] = label;
        WatchAll();
        foreach (var item in document.Transactions.OrderBy(t => t.Sequence))
        {
            var tracked = Track(Transaction.ParseHex(item.Hex), item.Sequence, DateTimeOffset.FromUnixTimeMilliseconds(item.FirstSeenUnixMs));
            if (item.Height is int height && item.BlockHash is not null)
                tracked.Confirm(height, BlockHash.Parse(item.BlockHash), DateTimeOffset.FromUnixTimeSeconds(item.BlockTimeUnix ?? 0));
            tracked.Abandoned = item.Abandoned;
        }
        return true;
    }

    /// <summary>Writes the state atomically; a failure is logged, not thrown, so chain events keep flowing.</summary>
    private void Save()
    {
        var document = new WalletStateDocument
        {
            Network = _parameters.Name,
            Account = _options.Account,
            ReceiveIndex = _issued[TaprootAccount.ReceiveChain],
            ChangeIndex = _issued[TaprootAccount.ChangeChain],
            TipHash = _tipHash?.ToString(),
            TipHeight = _tipHeight,
            NextSequence = _nextSequence,
            Labels = new Dictionary<string, string>(_labels, StringComparer.Ordinal),
            Transactions = [.. _transactions.Values.OrderBy(t => t.Sequence).Select(t => new TrackedTransactionDocument
            {
                Hex = t.Transaction.ToHex(),
                Sequence = t.Sequence,
                FirstSeenUnixMs = t.FirstSeen.ToUnixTimeMilliseconds(),
                Height = t.Height,
                BlockHash = t.BlockHash?.ToString(),
                BlockTimeUnix = t.BlockTime?.ToUnixTimeSeconds(),
                Abandoned = t.Abandoned,
            })],
        };
        try
        {
            AtomicFile.Write(StatePath, JsonSerializer.SerializeToUtf8Bytes(document, WalletStateJsonContext.Default.WalletStateDocument));
        }
        catch (IOException e)
        {
            Log.SaveFailed(_logger, StatePath, e);
        }
        catch (UnauthorizedAccessException e)
        {
            Log.SaveFailed(_logger, StatePath, e);
        }
    }

    /// <summary>
    /// Offers pending wallet transactions (after a restart or a reorganization) to the mempool again, oldest first;
    /// one the mempool refuses outright can no longer confirm and is marked abandoned.
    /// </summary>
    private void ResubmitPending()
    {
        if (_pool is null)
            return;
        List<TrackedTransaction> pending;
        lock (_gate)
            pending = [.. _transactions.Values.Where(t => !t.IsConfirmed && IsLive(t) && !t.Transaction.IsCoinbase).OrderBy(t => t.Sequence)];
        foreach (var tracked in pending)
        {
            if (_pool.Contains(tracked.Txid))
                continue;
            var result = _pool.Accept(tracked.Transaction);
            if (result.Status != Consensus.Mempool.MempoolAcceptStatus.Rejected || result.Code is Consensus.Mempool.MempoolRejectCodes.AlreadyInMempool or Consensus.Mempool.MempoolRejectCodes.AlreadyKnown)
                continue;
            lock (_gate)
            {
                if (tracked.IsConfirmed || tracked.Abandoned)
                    continue;
                tracked.Abandoned = true;
                Log.Abandoned(_logger, tracked.Txid.ToString(), result.ToString());
                Save();
            }
        }
    }
}
