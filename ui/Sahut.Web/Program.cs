using Sahut.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddSahut();
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
