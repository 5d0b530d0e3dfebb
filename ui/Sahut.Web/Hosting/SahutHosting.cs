using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Sahut.Data;
using Sahut.Domain;
using Sahut.Mail;
using Sahut.Scheduling;
using Sahut.Web.Api;
using Sahut.Web.Commands;
using Sahut.Web.Health;
using Sahut.Web.Realtime;
using Sahut.Web.Security;

namespace Sahut.Web.Hosting;

internal static class SahutHosting
{
    private const string DefaultUrl = "http://localhost:8080";

    public static WebApplicationBuilder AddSahut(this WebApplicationBuilder builder, string[] args)
    {
        if (CliCommands.IsCommand(args))
        {
            // Commands print one JSON object on stdout; logs must not mix into it.
            builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }

        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Running from a build (dotnet run) serves wwwroot through the static web assets manifest in any environment;
        // a published folder has no manifest and serves its own wwwroot.
        builder.WebHost.UseStaticWebAssets();

        var services = builder.Services;
        services.AddSahutCore(builder.Configuration);
        services.AddSahutMail(builder.Configuration);
        if (!CliCommands.IsCommand(args))
        {
            services.AddSahutScheduling(builder.Configuration);
        }

        builder.AddSahutPlugins();

        services.AddIdentity<SahutUser, IdentityRole<Guid>>(options =>
            {
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<SahutDbContext>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "sahut.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/login";
            options.LogoutPath = "/logout";
            options.AccessDeniedPath = "/forbidden";
            options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(AuthSchemes.ApiToken, null)
            .AddPolicyScheme(AuthSchemes.Default, null, options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? AuthSchemes.ApiToken
                    : IdentityConstants.ApplicationScheme);
        services.AddAuthorizationBuilder()
            .AddPolicy(AuthSchemes.Default, policy => policy.AddAuthenticationSchemes(AuthSchemes.Default).RequireAuthenticatedUser());

        services.AddHttpContextAccessor();
        services.AddScoped<ChannelLinks>();
        services.AddSingleton<Sahut.Web.IWorkspaceAccess, WorkspaceAccess>();
        services.AddProblemDetails();
        services.AddExceptionHandler<SahutExceptionHandler>();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        services.AddOpenApi("v1");
        builder.AddSahutRealtime();
        services.AddAntiforgery();
        builder.AddSahutUi();
        return builder;
    }

    public static async Task<bool> RunCommandIfAnyAsync(this WebApplication app, string[] args)
    {
        if (!CliCommands.IsCommand(args))
        {
            return false;
        }

        await app.MigrateAsync();
        Environment.ExitCode = await CliCommands.RunAsync(app.Services, args, Console.Out, Console.Error, CancellationToken.None);
        return true;
    }

    public static async Task MigrateAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
    }

    public static WebApplication UseSahut(this WebApplication app)
    {
        app.UseMiddleware<ServerTimingMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseSahutUi();
        app.UseRouting();
        // Webhooks authenticate by the provider's signature in their endpoint; no user scheme runs for them.
        app.UseWhen(context => !RequestPaths.IsWebhook(context), branch => branch.UseAuthentication());
        // UseAuthentication marks only the branch; unmarked, WebApplication would add a second authentication
        // middleware in front of everything, webhooks included (ASP.NET Core's AuthAppBuilderExtensions key).
        ((IApplicationBuilder)app).Properties["__AuthenticationMiddlewareSet"] = true;
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthEndpoints();
        app.MapSahutApi();
        app.MapSahutRealtime();
        app.MapSahutPluginEndpoints();
        return app;
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (RequestPaths.IsMachine(context.HttpContext) || context.Request.Path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
