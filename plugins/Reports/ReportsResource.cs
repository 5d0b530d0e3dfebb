// The namespace is the project root so the resource base name is Sahut.Plugins.Reports.Resources.ReportsResource.
namespace Sahut.Plugins.Reports;

/// <summary>Marker type for the plugin's UI strings in Resources/ReportsResource(.en).resx; the neutral file is Indonesian.</summary>
public sealed class ReportsResource;
