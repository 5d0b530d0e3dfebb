namespace Sahut.Plugins.Billing.Tests.Infrastructure;

/// <summary>Small plans so a test reaches the limits with a handful of conversations.</summary>
public static class TestPlans
{
    public static Dictionary<string, string?> Settings(bool withFreePlan = true) => new()
    {
        ["Billing:DefaultPlan"] = "basic",
        ["Billing:FreePlan"] = withFreePlan ? "gratis" : "",
        ["Billing:Plans:gratis:Name"] = "Gratis",
        ["Billing:Plans:gratis:MonthlyPrice"] = "0",
        ["Billing:Plans:gratis:ChannelLimit"] = "1",
        ["Billing:Plans:gratis:ConversationLimit"] = "5",
        ["Billing:Plans:basic:Name"] = "Basic",
        ["Billing:Plans:basic:MonthlyPrice"] = "300000",
        ["Billing:Plans:basic:ChannelLimit"] = "2",
        ["Billing:Plans:basic:ConversationLimit"] = "10",
        ["Billing:Plans:basic:OverageRate"] = "1000",
        ["Billing:Plans:basic:TopUpsAllowed"] = "true",
        ["Billing:Plans:basic:TopUpSize"] = "5",
        ["Billing:Plans:basic:TopUpPrice"] = "40000",
        ["Billing:Plans:pro:Name"] = "Pro",
        ["Billing:Plans:pro:MonthlyPrice"] = "600000",
        ["Billing:Plans:pro:ChannelLimit"] = "5",
        ["Billing:Plans:pro:ConversationLimit"] = "20",
        ["Billing:Plans:pro:OverageRate"] = "800",
    };
}
