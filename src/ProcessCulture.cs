using System.Globalization;
using System.Runtime.CompilerServices;

namespace SiteGen;

/// <summary>
/// The tool runs with culture data (for dates in each language's own words, see <see cref="Templates.DateCulture"/>),
/// so every other number, date and comparison that does not name a culture would follow the machine's locale: two
/// machines would build different bytes from the same site. Everything except page dates uses the invariant culture.
/// </summary>
internal static class ProcessCulture
{
    [ModuleInitializer]
    internal static void UseInvariantCulture()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }
}
