using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sahut.Web;

namespace Sahut.TestPlugins.Alpha;

public sealed class AlphaEndpoints : IEndpointContributor
{
    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/test-plugins/alpha/nodatime", () => Results.Text(NodaTimeVersion.Current));
}
