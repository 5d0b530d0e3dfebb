namespace Sahut.Plugins.Email.Tests.Infrastructure;

/// <summary>A data folder for one test's Sahut host (or two hosts in a row), deleted afterwards.</summary>
public abstract class TempDataDir : IDisposable
{
    protected string DataDir { get; } = Directory.CreateTempSubdirectory("sahut-email-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
