// The namespace is the project root so the resource base name is Sahut.Web.Resources.SharedResource.
namespace Sahut.Web;

/// <summary>Marker type for the UI strings in Resources/SharedResource(.en).resx; the neutral file is Indonesian.</summary>
public sealed class SharedResource;
