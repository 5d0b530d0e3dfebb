using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sahut.Web;

namespace Sahut.TestPlugins.Beta;

public sealed class BetaEndpoints : IEndpointContributor
{
    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/test-plugins/beta/nodatime", () => Results.Text(NodaTimeVersion.Current));
}
