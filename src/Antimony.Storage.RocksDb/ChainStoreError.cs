namespace Antimony.Storage.RocksDb;

/// <summary>Why a RocksDB store could not be opened or read. Stable: callers and tests match on it.</summary>
public enum ChainStoreError
{
    /// <summary>The directory holds a RocksDB database that is not an Antimony store (no schema record or column families).</summary>
    NotAnAntimonyStore = 1,

    /// <summary>The store was written by a build with a schema version this build does not read.</summary>
    UnknownSchemaVersion = 2,

    /// <summary>
    /// Stored data failed a check: a RocksDB checksum or file-size mismatch, a record that does not decode,
    /// or records that contradict each other (e.g. coins without a tip).
    /// </summary>
    Corrupted = 3,

    /// <summary>RocksDB reported an I/O or other non-corruption failure (disk full, permissions, lock held by another process).</summary>
    IOFailure = 4,
}
