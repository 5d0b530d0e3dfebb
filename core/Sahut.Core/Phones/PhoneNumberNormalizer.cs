using PhoneNumbers;

namespace Sahut.Phones;

/// <summary>Normalises phone numbers to E.164. Local numbers are read as Indonesian (08… → +628…).</summary>
public sealed class PhoneNumberNormalizer
{
    public const string DefaultRegion = "ID";

    private readonly PhoneNumberUtil util = PhoneNumberUtil.GetInstance();

    /// <summary>The E.164 form, or null when the input is not a possible phone number.</summary>
    public string? Normalize(string? input, string defaultRegion = DefaultRegion)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var trimmed = input.Trim();
        // WhatsApp sends international numbers without the plus ("6281234…"); a leading 0 means a local number.
        var digitsOnly = trimmed.All(c => char.IsDigit(c) || c is ' ' or '-' or '.' or '(' or ')');
        if (digitsOnly && !trimmed.StartsWith('0') && trimmed.Count(char.IsDigit) >= 10)
        {
            trimmed = "+" + trimmed;
        }

        try
        {
            var number = util.Parse(trimmed, defaultRegion);
            return util.IsPossibleNumber(number) ? util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
