namespace Sahut.Plugins.Email.Inbound;

/// <summary>An email that cannot become an inbox message (e.g. no sender). It is quarantined, not retried.</summary>
internal sealed class MalformedEmailException(string reason) : Exception(reason);
