using System.Text.RegularExpressions;

namespace Sahut.Plugins.Email.Inbound;

/// <summary>Finds where quoted history starts in a plain-text reply, so the view can collapse it.</summary>
internal static partial class QuotedHistory
{
    /// <summary>The character index where the quoted part begins, or null when the text quotes nothing.</summary>
    public static int? FindStart(string text)
    {
        var offset = 0;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r').Trim();
            if (trimmed.StartsWith('>') || Attribution().IsMatch(trimmed) || Separator().IsMatch(trimmed))
            {
                return offset > 0 ? offset : null;
            }

            offset += line.Length + 1;
        }

        return null;
    }

    // "On Tue, 1 Jul 2025 at 10:00, Budi <budi@example.com> wrote:" and the Indonesian "Pada … menulis:".
    [GeneratedRegex(@"^(On|Pada)\b.{0,200}\b(wrote|menulis)\s*:$", RegexOptions.IgnoreCase)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^(-{2,}\s*(Original Message|Pesan Asli|Forwarded message|Pesan yang diteruskan)\s*-{2,}|_{10,})", RegexOptions.IgnoreCase)]
    private static partial Regex Separator();
}
