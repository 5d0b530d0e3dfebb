using PhoneNumbers;

namespace Sahut.Web.Localization;

/// <summary>E.164 numbers as people write them: +62 813-7771-2345.</summary>
public static class PhoneDisplay
{
    public static string Format(string? e164)
    {
        if (string.IsNullOrEmpty(e164) || !e164.StartsWith('+'))
        {
            return e164 ?? "";
        }

        try
        {
            var util = PhoneNumberUtil.GetInstance();
            return util.Format(util.Parse(e164, null), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }
}
