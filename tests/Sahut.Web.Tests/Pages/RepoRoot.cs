namespace Sahut.Web.Tests.Pages;

/// <summary>The repository root: the nearest folder above the test binaries that holds Sahut.sln.</summary>
public static class RepoRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sahut.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Sahut.sln not found above " + AppContext.BaseDirectory);
    }
}
