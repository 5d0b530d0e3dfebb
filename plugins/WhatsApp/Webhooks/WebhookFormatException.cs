namespace Sahut.Plugins.WhatsApp.Webhooks;

/// <summary>The body is not a delivery of the provider's shape; the webhook answers 400 and stores nothing.</summary>
internal sealed class WebhookFormatException(string message, Exception? inner = null) : Exception(message, inner);
