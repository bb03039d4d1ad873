using System.Collections.Frozen;
using System.Reflection;

namespace Antimony.Wallet.Mnemonics;

/// <summary>The BIP39 English word list, read once from the assembly's embedded resource (never from disk).</summary>
internal static class WordList
{
    private const string ResourceName = "Antimony.Wallet.Mnemonics.english.txt";

    private static readonly Lazy<(string[] Words, FrozenDictionary<string, int> Index)> Loaded = new(Load);

    /// <summary>The 2048 words in BIP39 order.</summary>
    public static IReadOnlyList<string> Words => Loaded.Value.Words;

    /// <summary>The index of <paramref name="word"/>, or -1.</summary>
    public static int IndexOf(string word) => Loaded.Value.Index.TryGetValue(word, out int index) ? index : -1;

    private static (string[], FrozenDictionary<string, int>) Load()
    {
        using var stream = typeof(WordList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(WordList).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var words = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length != 2048)
            throw new InvalidOperationException($"The BIP39 word list has {words.Length} words instead of 2048.");
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < words.Length; i++)
            index.Add(words[i], i);
        return (words, index.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
