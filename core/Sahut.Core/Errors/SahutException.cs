namespace Sahut.Errors;

/// <summary>A refusal the API turns into a problem-details response with <see cref="StatusCode"/>.</summary>
public abstract class SahutException(string title, string detail) : Exception(detail)
{
    public string Title { get; } = title;
    public abstract int StatusCode { get; }
}

/// <summary>The thing does not exist in the caller's workspace (whether or not it exists elsewhere).</summary>
public sealed class NotFoundException(string what) : SahutException("Not found", $"{what} was not found.")
{
    public override int StatusCode => 404;
}

/// <summary>Bad input; <see cref="Errors"/> names the fields.</summary>
public sealed class InputValidationException(IReadOnlyDictionary<string, string[]> errors, string detail = "One or more fields are invalid.")
    : SahutException("Invalid input", detail)
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
    public override int StatusCode => 400;

    public static InputValidationException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] }, message);
}

/// <summary>A business rule refused the request (e.g. a WhatsApp reply outside the 24-hour window).</summary>
public sealed class RuleViolationException(string rule, string detail) : SahutException("Refused by rule", detail)
{
    public string Rule { get; } = rule;
    public override int StatusCode => 422;
}

/// <summary>Another agent holds the reply, or the conversation is someone else's to answer.</summary>
public sealed class ConflictException(string rule, string detail) : SahutException("Conflict", detail)
{
    public string Rule { get; } = rule;
    public override int StatusCode => 409;
}

/// <summary>The workspace's plan does not allow it.</summary>
public sealed class PlanLimitException(string detail) : SahutException("Plan limit reached", detail)
{
    public override int StatusCode => 402;
}

/// <summary>The caller is in the workspace but their role does not allow this.</summary>
public sealed class ForbiddenException(string detail) : SahutException("Forbidden", detail)
{
    public override int StatusCode => 403;
}

/// <summary>The workspace is deactivated (its subscription ended): it can be read, not changed, until it is reactivated.</summary>
public sealed class WorkspaceDeactivatedException()
    : SahutException("Workspace deactivated", "This workspace is deactivated and read-only. An owner or admin can reactivate it by subscribing to a plan in Settings → Billing.")
{
    public override int StatusCode => 423;
}
