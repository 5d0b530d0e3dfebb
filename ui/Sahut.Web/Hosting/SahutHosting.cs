namespace Sahut.Web.Hosting;

internal static class SahutHosting
{
    public static WebApplicationBuilder AddSahut(this WebApplicationBuilder builder)
    {
        builder.AddSahutPlugins();
        return builder;
    }

    public static Task<bool> RunCommandIfAnyAsync(this WebApplication app, string[] args) => Task.FromResult(false);

    public static Task MigrateAsync(this WebApplication app) => Task.CompletedTask;

    public static WebApplication UseSahut(this WebApplication app) => app;
}
