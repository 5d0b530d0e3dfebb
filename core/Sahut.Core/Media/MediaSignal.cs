using Sahut.Work;

namespace Sahut.Media;

/// <summary>Wakes the media downloader when a message with provider media was stored.</summary>
public sealed class MediaSignal : WorkSignal;
