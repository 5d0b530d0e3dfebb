using System.Xml.Linq;

namespace Sahut.Web.Tests.Pages;

/// <summary>Every UI string exists in both languages.</summary>
public sealed class ResourceParityTests
{
    [Fact]
    public void Indonesian_and_english_resources_have_the_same_keys()
    {
        var folder = Path.Combine(RepoRoot.Find(), "ui", "Sahut.Web", "Resources");
        var indonesian = Keys(Path.Combine(folder, "SharedResource.resx"));
        var english = Keys(Path.Combine(folder, "SharedResource.en.resx"));

        Assert.NotEmpty(indonesian);
        Assert.Empty(indonesian.Except(english));
        Assert.Empty(english.Except(indonesian));
    }

    private static HashSet<string> Keys(string path) =>
        XDocument.Load(path).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
}
