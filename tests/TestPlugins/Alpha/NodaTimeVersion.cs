namespace Sahut.TestPlugins.Alpha;

/// <summary>The NodaTime this plugin's load context resolved, as "assembly version|location".</summary>
public static class NodaTimeVersion
{
    public static string Current
    {
        get
        {
            var assembly = typeof(NodaTime.Instant).Assembly;
            return $"{assembly.GetName().Version}|{assembly.Location}";
        }
    }
}
