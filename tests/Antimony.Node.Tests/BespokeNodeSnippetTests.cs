using System.Text.RegularExpressions;

namespace Antimony.Node.Tests;

/// <summary>The README snippet compiles (it is <see cref="Snippets.BespokeNode"/>) and both READMEs (the root one and the sample's) show it unchanged.</summary>
public sealed partial class BespokeNodeSnippetTests
{
    [GeneratedRegex(@"// --- snippet start ---\r?\n(?<body>.*?)\s*// --- snippet end ---", RegexOptions.Singleline)]
    private static partial Regex Snippet();

    [Fact]
    public void The_readme_snippet_is_the_compiled_one_and_under_20_lines()
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Antimony.Sdk.sln")))
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("repository root not found");
        string source = File.ReadAllText(Path.Combine(root, "tests/Antimony.Node.Tests/Snippets/BespokeNode.cs"));
        string[] lines = [.. Snippet().Match(source).Groups["body"].Value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

        Assert.InRange(lines.Length, 5, 19);
        foreach (string readme in new[] { "README.md", "samples/Antimony.Node/README.md" })
        {
            string text = File.ReadAllText(Path.Combine(root, readme));
            foreach (string line in lines)
                Assert.Contains(line, text, StringComparison.Ordinal);
        }
    }
}
