using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Sahut.Web.Pages.Shared;

/// <summary>
/// Every page of the host needs a signed-in user except the few that let people sign in. Plugin pages are left to
/// their plugin, which marks them [Authorize] or not as it needs.
/// </summary>
internal sealed class HostPagesRequireSignIn : IPageApplicationModelConvention
{
    private static readonly HashSet<string> Anonymous = new(StringComparer.OrdinalIgnoreCase)
    {
        "/Setup", "/Login", "/Invite", "/Error", "/Forbidden", "/Language",
    };

    public void Apply(PageApplicationModel model)
    {
        if (model.HandlerType.Assembly != typeof(HostPagesRequireSignIn).Assembly || Anonymous.Contains(model.ViewEnginePath))
        {
            return;
        }

        model.EndpointMetadata.Add(new AuthorizeAttribute());
    }
}
