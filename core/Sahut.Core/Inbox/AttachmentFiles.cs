namespace Sahut.Inbox;

/// <summary>Attachment bytes live under the data directory, never under a web root; they are served through an authorised endpoint.</summary>
public static class AttachmentFiles
{
    /// <summary>Writes the bytes and returns the path relative to the data directory.</summary>
    public static async Task<string> WriteAsync(string dataDir, Guid workspaceId, Guid attachmentId, byte[] content, CancellationToken cancellationToken)
    {
        var relative = Path.Combine("media", workspaceId.ToString("N"), attachmentId.ToString("N"));
        var full = Path.Combine(dataDir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllBytesAsync(full, content, cancellationToken);
        return relative;
    }

    public static string FullPath(string dataDir, string relativePath) => Path.Combine(dataDir, relativePath);
}
