using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Sahut.Web.Localization;
using Sahut.Web.Pages.Shared;

namespace Sahut.Web.Hosting;

/// <summary>The browser UI: Razor Pages, localisation (id default, en), workspace access filters and friendly error pages.</summary>
internal static class UiHosting
{
    public static WebApplicationBuilder AddSahutUi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            CultureInfo[] cultures = [.. UiCultures.Supported.Select(c => new CultureInfo(c))];
            options.DefaultRequestCulture = new RequestCulture(UiCultures.Default);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;

            // No Accept-Language: the product speaks Indonesian unless a person picks English.
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider { CookieName = UiCultures.CookieName },
            ];
        });
        services.AddRazorPages(options =>
            {
                options.Conventions.Add(new HostPagesRequireSignIn());
                options.Conventions.AddFolderApplicationModelConvention("/W", model => model.Filters.Add(new WorkspaceAccessFilter(requireAdmin: false)));
                options.Conventions.AddFolderApplicationModelConvention("/W/Settings", model => model.Filters.Add(new WorkspaceAccessFilter(requireAdmin: true)));
            })
            .AddViewLocalization();
        services.AddScoped<FriendlyErrors>();
        services.AddScoped<InviteLinks>();
        return builder;
    }

    public static WebApplication UseSahutUi(this WebApplication app)
    {
        // Webhook deliveries are never shown to a person; skipping culture selection keeps the ingest path short.
        app.UseWhen(context => !RequestPaths.IsWebhook(context), branch => branch.UseRequestLocalization());

        // Browsers get a page for 403/404; API and webhook callers keep their plain status codes and problem details.
        app.UseWhen(context => !RequestPaths.IsMachine(context), branch => branch.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.MapRazorPages();
        return app;
    }
}
