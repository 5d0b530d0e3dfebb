using System.Globalization;

namespace Sahut.Web.Localization;

/// <summary>Timestamps as people read them in the current UI culture: a time for today, a date otherwise.</summary>
public static class DateDisplay
{
    public static string Short(DateTime local, DateTime nowLocal)
    {
        var culture = CultureInfo.CurrentCulture;
        if (local.Date == nowLocal.Date)
        {
            return local.ToString("t", culture);
        }

        return local.Year == nowLocal.Year ? local.ToString("d MMM", culture) : local.ToString("d MMM yyyy", culture);
    }

    public static string Time(DateTime local) => local.ToString("t", CultureInfo.CurrentCulture);

    public static string Full(DateTime local) =>
        local.ToString("d MMM yyyy", CultureInfo.CurrentCulture) + ", " + local.ToString("t", CultureInfo.CurrentCulture);
}
