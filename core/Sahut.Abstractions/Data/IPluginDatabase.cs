namespace Sahut.Data;

/// <summary>A plugin's own tables. The host migrates each registered database at start-up, after the core's.</summary>
public interface IPluginDatabase
{
    string Name { get; }

    Task MigrateAsync(CancellationToken cancellationToken);
}
