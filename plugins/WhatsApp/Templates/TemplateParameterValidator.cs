using Sahut.Channels;

namespace Sahut.Plugins.WhatsApp.Templates;

/// <summary>
/// Checks a template send against the synced template before it is queued, so Meta's 132000 / 132001 / 132012 are
/// caught as a 422 in the API instead of a failed message later.
/// </summary>
internal static class TemplateParameterValidator
{
    public static IReadOnlyList<string> Validate(TemplateDefinition? template, OutboundTemplate requested)
    {
        if (template is null)
        {
            return [$"There is no template '{requested.Name}' in language '{requested.Language}' on this channel. Sync templates or check the name and language."];
        }

        if (!template.IsApproved)
        {
            return [$"Template '{template.Name}' ({template.Language}) is {template.Status}; only approved templates can be sent."];
        }

        var shape = TemplateShape.Of(template);
        var problems = new List<string>();
        var parameters = requested.Parameters;
        foreach (var empty in parameters.Where(p => string.IsNullOrWhiteSpace(p.Value)))
        {
            problems.Add(empty.Name is null ? "A parameter value is empty." : $"Parameter '{empty.Name}' is empty.");
        }

        var named = parameters.Count(p => p.Name is not null);
        if (named > 0 && named < parameters.Count)
        {
            problems.Add("Parameters are either all named or all positional, not mixed.");
            return problems;
        }

        if (template.IsNamed)
        {
            if (parameters.Count > 0 && named == 0)
            {
                problems.Add($"Template '{template.Name}' uses named parameters: give each as {{name, value}}. Expected: {string.Join(", ", shape.Names)}.");
                return problems;
            }

            var expected = shape.Names.ToHashSet(StringComparer.Ordinal);
            var given = parameters.Select(p => p.Name!).ToList();
            problems.AddRange(expected.Where(e => !given.Contains(e)).Select(e => $"Parameter '{e}' is missing."));
            problems.AddRange(given.Where(g => !expected.Contains(g)).Distinct().Select(g => $"Template '{template.Name}' has no parameter '{g}'."));
            problems.AddRange(given.GroupBy(g => g).Where(g => g.Count() > 1).Select(g => $"Parameter '{g.Key}' is given more than once."));
        }
        else
        {
            if (named > 0)
            {
                problems.Add($"Template '{template.Name}' uses positional parameters: give them as a list of values in order.");
                return problems;
            }

            if (parameters.Count != shape.Count)
            {
                problems.Add($"Template '{template.Name}' expects {shape.Count} parameter(s), {parameters.Count} given.");
            }
        }

        if (shape.HeaderMediaFormat is not null && MediaLink(template, shape, parameters) is { } link
            && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            problems.Add($"The {shape.HeaderMediaFormat.ToLowerInvariant()} header needs an http(s) link.");
        }

        return problems;
    }

    private static string? MediaLink(TemplateDefinition template, TemplateShape shape, IReadOnlyList<OutboundTemplateParameter> parameters) =>
        template.IsNamed
            ? parameters.FirstOrDefault(p => p.Name == TemplateShape.HeaderMediaName)?.Value
            : parameters.Count == shape.Count ? parameters[0].Value : null;
}
