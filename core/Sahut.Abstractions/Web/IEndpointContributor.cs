using Microsoft.AspNetCore.Routing;

namespace Sahut.Web;

/// <summary>Maps a plugin's HTTP endpoints (webhooks, API routes). The host calls every registered contributor once at start.</summary>
public interface IEndpointContributor
{
    void MapEndpoints(IEndpointRouteBuilder endpoints);
}
