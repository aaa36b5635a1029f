using System.Collections.Concurrent;
using System.Globalization;
using SiteGen.Config;

namespace SiteGen.Templates;

/// <summary>
/// The culture a language's dates are written in, from its BCP 47 tag: `d MMMM yyyy` gives "5 février 2026" in French.
/// A tag the system's culture data does not know (or a process without culture data) falls back to the invariant
/// culture, whose month names are English: the date still shows, in the site's own format. Only the words come from the
/// culture: the calendar stays Gregorian (Thai's default would write 2569 for 2026) and a `/` or `:` in the format stays
/// as written (.NET would otherwise put the culture's separator there, `.` in German).
/// </summary>
public static class DateCulture
{
    private static readonly ConcurrentDictionary<string, CultureInfo> Cultures = new(StringComparer.OrdinalIgnoreCase);

    public static CultureInfo Of(LanguageConfig lang) => Cultures.GetOrAdd(lang.LangTag, Find);

    private static CultureInfo Find(string tag)
    {
        try
        {
            return Gregorian(CultureInfo.GetCultureInfo(tag, predefinedOnly: true));
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }

    private static CultureInfo Gregorian(CultureInfo found)
    {
        var culture = (CultureInfo)found.Clone();
        var format = culture.DateTimeFormat;
        if (format.Calendar is not GregorianCalendar)
            format.Calendar = culture.OptionalCalendars.OfType<GregorianCalendar>().FirstOrDefault() ?? format.Calendar;
        format.DateSeparator = "/";
        format.TimeSeparator = ":";
        return CultureInfo.ReadOnly(culture);
    }

    /// <summary>A page's date in its language's format and culture.</summary>
    public static string Format(DateOnly date, LanguageConfig lang) => date.ToString(lang.DateFormat, Of(lang));
}
