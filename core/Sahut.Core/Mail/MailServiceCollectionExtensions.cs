using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Sahut.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>The system mail sender, configured from "Sahut:Mail".</summary>
    public static IServiceCollection AddSahutMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SystemMailOptions>(configuration.GetSection(SystemMailOptions.Section));
        services.AddSingleton<ISystemMailSender, SmtpSystemMailSender>();
        return services;
    }
}
