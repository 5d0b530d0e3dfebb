namespace Sahut.Tests.Infrastructure;

internal static class RepoPaths
{
    /// <summary>The repository root: the first folder above the test binaries holding Sahut.sln.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
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
