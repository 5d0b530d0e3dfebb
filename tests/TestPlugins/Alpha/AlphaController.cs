using Microsoft.AspNetCore.Mvc;

namespace Sahut.TestPlugins.Alpha;

[ApiController]
[Route("test-plugins/alpha/api")]
public sealed class AlphaController : ControllerBase
{
    [HttpGet("ping")]
    public IActionResult Ping() => Ok(new { plugin = "alpha", pong = true });
}
