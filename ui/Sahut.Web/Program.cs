using Sahut.Web.Hosting;

// Content root is the app folder, so appsettings.json is found whatever the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddSahut(args);
var app = builder.Build();
if (await app.RunCommandIfAnyAsync(args))
{
    return;
}

await app.MigrateAsync();
app.UseSahut();
await app.RunAsync();

/// <summary>Entry point; public so WebApplicationFactory can find it.</summary>
public partial class Program;
