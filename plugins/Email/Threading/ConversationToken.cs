using System.Text.RegularExpressions;

namespace Sahut.Plugins.Email.Threading;

/// <summary>
/// The conversation id written into outbound subjects as "[#token]" so a reply still finds its conversation when the
/// customer's client drops In-Reply-To and References. Base32 (lower case, no padding) survives clients that change case.
/// </summary>
internal static partial class ConversationToken
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string Format(Guid conversationId) => $"[#{Encode(conversationId)}]";

    public static string Encode(Guid conversationId)
    {
        var bytes = conversationId.ToByteArray();
        var chars = new char[26];
        int buffer = 0, bits = 0, index = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[index++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        chars[index] = Alphabet[(buffer << (5 - bits)) & 31];
        return new string(chars);
    }

    public static Guid? Decode(string token)
    {
        if (token.Length != 26)
        {
            return null;
        }

        var bytes = new byte[16];
        int buffer = 0, bits = 0, index = 0;
        foreach (var c in token.ToLowerInvariant())
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8 && index < 16)
            {
                bytes[index++] = (byte)(buffer >> (bits - 8));
                bits -= 8;
            }
        }

        return new Guid(bytes);
    }

    /// <summary>Finds a token in a subject.</summary>
    public static Guid? FindIn(string? subject) =>
        subject is not null && SubjectToken().Match(subject) is { Success: true } match ? Decode(match.Groups[1].Value) : null;

    /// <summary>Finds a token in a plus-address such as support+c-token@example.com.</summary>
    public static Guid? FindInAddress(string address) =>
        AddressToken().Match(address) is { Success: true } match ? Decode(match.Groups[1].Value) : null;

    /// <summary>The subject without our token, for storing and showing.</summary>
    public static string Strip(string subject) => SubjectToken().Replace(subject, "").Trim();

    [GeneratedRegex(@"\[#([a-z2-7]{26})\]", RegexOptions.IgnoreCase)]
    private static partial Regex SubjectToken();

    [GeneratedRegex(@"\+c-([a-z2-7]{26})@", RegexOptions.IgnoreCase)]
    private static partial Regex AddressToken();
}
