namespace Antimony.Primitives.Addresses;

/// <summary>
/// Thrown when a string is not a valid address or bech32 string, or an address cannot be formed. The only
/// exception type the address parsers throw for bad input; the <c>TryXxx</c> methods report the same <see cref="Error"/>.
/// </summary>
public sealed class AddressException : FormatException
{
    /// <summary>Creates the exception for <paramref name="error"/>.</summary>
    public AddressException(AddressError error, string message)
        : base($"{message} ({error})")
    {
        Error = error;
    }

    /// <summary>What is wrong.</summary>
    public AddressError Error { get; }
}
