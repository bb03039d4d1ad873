namespace Antimony.Primitives.Addresses;

/// <summary>Why a string is not a valid address for the network, or a script has no address. Stable: callers match on it.</summary>
public enum AddressError
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>There is no <c>1</c> separating the human-readable part from the data (or the string is empty).</summary>
    NoSeparator,

    /// <summary>The human-readable part is empty (the string starts with its last <c>1</c>).</summary>
    EmptyHrp,

    /// <summary>A character of the human-readable part is outside US-ASCII 33-126.</summary>
    InvalidHrpCharacter,

    /// <summary>The string is longer than 90 characters (BIP173).</summary>
    TooLong,

    /// <summary>Fewer than six characters follow the separator, so there is no room for the checksum.</summary>
    ChecksumTooShort,

    /// <summary>A character after the separator is not in the bech32 alphabet.</summary>
    InvalidDataCharacter,

    /// <summary>The string mixes upper- and lowercase letters; BIP173 allows all of one or the other.</summary>
    MixedCase,

    /// <summary>The checksum matches neither bech32 nor bech32m.</summary>
    InvalidChecksum,

    /// <summary>The human-readable part is not the expected network's.</summary>
    WrongHrp,

    /// <summary>There is no witness version: nothing between the separator and the checksum.</summary>
    EmptyData,

    /// <summary>The witness version is above 16.</summary>
    InvalidWitnessVersion,

    /// <summary>The 5-to-8-bit conversion leaves 5 or more padding bits (a whole extra character).</summary>
    ExcessPadding,

    /// <summary>The 5-to-8-bit conversion leaves padding bits that are not all zero.</summary>
    NonZeroPadding,

    /// <summary>The witness program is shorter than 2 or longer than 40 bytes.</summary>
    InvalidProgramLength,

    /// <summary>A version 0 program is neither 20 (P2WPKH) nor 32 (P2WSH) bytes (BIP141).</summary>
    InvalidProgramLengthForVersion0,

    /// <summary>Version 0 with a bech32m checksum, or version 1+ with a bech32 checksum (BIP350).</summary>
    WrongEncodingForVersion,

    /// <summary>The script is not a witness program (<c>OP_n</c> followed by one 2-40 byte push), so it has no segwit address.</summary>
    NotWitnessProgram,
}
