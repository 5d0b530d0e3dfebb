using System.Text;

namespace Sahut.Plugins.Email.Tests.Content;

/// <summary>Raw RFC 5322 messages as real clients write them, in the charsets and encodings customers' mail arrives in.</summary>
internal static class RawMails
{
    public static string Message(string from, string to, string subjectHeader, string contentType, string transferEncoding, string body, string? extraHeaders = null) => $"""
        From: {from}
        To: {to}
        Subject: {subjectHeader}
        Message-ID: <{Guid.NewGuid():N}@pelanggan.example>
        Date: Mon, 23 Nov 2026 10:00:00 +0700
        MIME-Version: 1.0
        {extraHeaders}Content-Type: {contentType}
        Content-Transfer-Encoding: {transferEncoding}

        {body}
        """;

    public static string Base64(string text, string charset) => Wrap(Convert.ToBase64String(Encoding.GetEncoding(charset).GetBytes(text)));

    public static string EncodedWord(string text, string charset) => $"=?{charset}?B?{Convert.ToBase64String(Encoding.GetEncoding(charset).GetBytes(text))}?=";

    public static string QuotedPrintable(string text, string charset)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.GetEncoding(charset).GetBytes(text))
        {
            builder.Append(b is >= 33 and <= 126 and not (byte)'=' || b == (byte)' ' ? ((char)b).ToString() : $"={b:X2}");
        }

        return builder.ToString();
    }

    private static string Wrap(string base64) => string.Join("\n", base64.Chunk(76).Select(c => new string(c)));
}
