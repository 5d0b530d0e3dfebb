namespace Sahut.Plugins.Billing.Subscriptions;

/// <summary>A billing action the rules refuse; the API answers <see cref="StatusCode"/> with the (localised) message.</summary>
public sealed class BillingRefusedException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
