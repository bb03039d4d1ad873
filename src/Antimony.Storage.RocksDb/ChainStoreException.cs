namespace Antimony.Storage.RocksDb;

/// <summary>
/// Thrown when a RocksDB store cannot be opened or its data cannot be trusted. The store never answers
/// with coins it could not verify: it throws this instead, naming the problem in <see cref="Error"/>.
/// </summary>
public sealed class ChainStoreException : Exception
{
    /// <summary>Creates the exception for <paramref name="error"/>.</summary>
    public ChainStoreException(ChainStoreError error, string message, Exception? innerException = null)
        : base($"{message} ({error})", innerException) => Error = error;

    /// <summary>What went wrong.</summary>
    public ChainStoreError Error { get; }
}
