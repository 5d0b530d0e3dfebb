namespace Sahut.FakeGraphApi;

/// <summary>A media object the fake serves through the two-step download.</summary>
public sealed record FakeMedia(string Id, byte[] Content, string MimeType);
