namespace Antimony.Primitives.Signing;

/// <summary>Why a signature hash could not be computed: the combination of transaction, input and hash type is invalid.</summary>
public enum SigHashError
{
    /// <summary>No error: the hash was computed.</summary>
    None = 0,

    /// <summary>The input index is negative or not below the transaction's input count.</summary>
    InputIndexOutOfRange,

    /// <summary>The hash type is not one of the values defined for this signature scheme (BIP341's list, or Antimony's for witness v0).</summary>
    UndefinedHashType,

    /// <summary>SIGHASH_SINGLE on an input whose index has no output (BIP341 forbids it; Antimony's signer refuses it for witness v0 too).</summary>
    SingleWithoutOutput,

    /// <summary>The annex given does not start with BIP341's 0x50 marker byte.</summary>
    InvalidAnnex,
}
