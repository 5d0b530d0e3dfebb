using Microsoft.Extensions.DependencyInjection;

namespace Sahut.Exports;

public static class ExportServiceCollectionExtensions
{
    /// <summary>The core's export datasets. Nothing serves them unless a plugin (Reports) adds formats and routes.</summary>
    public static IServiceCollection AddSahutExportDatasets(this IServiceCollection services)
    {
        services.AddScoped<IExportDataset, ConversationsExportDataset>();
        services.AddScoped<IExportDataset, ContactsExportDataset>();
        services.AddScoped<IExportFilterChoices, ExportFilterChoicesQuery>();
        return services;
    }
}
