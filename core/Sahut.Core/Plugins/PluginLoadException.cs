namespace Sahut.Plugins;

/// <summary>A plugin could not be loaded; the message is the reason shown to admins.</summary>
public sealed class PluginLoadException : Exception
{
    public PluginLoadException(string message)
        : base(message)
    {
    }

    public PluginLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
