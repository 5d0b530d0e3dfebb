using Microsoft.Extensions.Localization;
using Sahut.Errors;

namespace Sahut.Web.Localization;

/// <summary>Turns a core refusal into a sentence a support agent understands, in their language.</summary>
public sealed class FriendlyErrors(IStringLocalizer<SharedResource> text)
{
    public string Describe(SahutException refusal) => refusal switch
    {
        RuleViolationException { Rule: "reply-window" } => text["Error_ReplyWindow"],
        RuleViolationException { Rule: "channel-disconnected" } => text["Error_ChannelDisconnected"],
        RuleViolationException { Rule: "channel-unavailable" } => text["Error_ChannelUnavailable"],
        RuleViolationException { Rule: "templates-not-supported" } => text["Error_TemplatesNotSupported"],
        RuleViolationException { Rule: "last-owner" } => text["Error_LastOwner"],
        RuleViolationException => text["Error_Rule", refusal.Message],
        ConflictException => text["Error_Conflict"],
        PlanLimitException => text["Error_PlanLimit", refusal.Message],
        InputValidationException invalid => text["Error_Invalid", string.Join(" ", invalid.Errors.SelectMany(e => e.Value))],
        NotFoundException => text["Error_NotFound"],
        ForbiddenException => text["Error_Forbidden"],
        _ => text["Error_Generic"],
    };
}
