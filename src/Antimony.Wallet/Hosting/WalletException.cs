namespace Antimony.Wallet.Hosting;

/// <summary>A <see cref="NodeWallet"/> operation failed; <see cref="Error"/> says why.</summary>
public sealed class WalletException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public WalletException(WalletError error, string message, string? rejectCode = null) : base(message)
    {
        Error = error;
        RejectCode = rejectCode;
    }

    /// <summary>The reason.</summary>
    public WalletError Error { get; }

    /// <summary>The mempool's reject code (e.g. <c>min relay fee not met</c>) when <see cref="Error"/> is <see cref="WalletError.Rejected"/>.</summary>
    public string? RejectCode { get; }
}
