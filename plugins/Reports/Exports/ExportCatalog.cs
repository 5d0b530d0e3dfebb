using Sahut.Exports;

namespace Sahut.Plugins.Reports.Exports;

/// <summary>The datasets the core registered, by key; the format is CSV.</summary>
public sealed class ExportCatalog(IEnumerable<IExportDataset> datasets, IExportFormat format)
{
    public const string Conversations = "conversations";
    public const string Contacts = "contacts";

    public IExportFormat Format => format;

    public IExportDataset? Find(string key) => datasets.FirstOrDefault(d => string.Equals(d.Key, key, StringComparison.OrdinalIgnoreCase));

    public string FileName(string key, ExportRequest request) =>
        $"{key}{(request.From is { } f ? "-" + f.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) : "")}{(request.To is { } t ? "-" + t.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) : "")}.{format.Extension}";
}
