using Xunit;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("SiteGen.Tests.Support.BrowserCollectionFirst", "SiteGen.Tests")]

namespace SiteGen.Tests.Support;

/// <summary>
/// Starts the browser collection first, then the others by name. Its tests run one after another (one Chromium, one
/// walk of the site) and are the longest stretch of the suite; started last, the suite waited for it alone at the end.
/// </summary>
public sealed class BrowserCollectionFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> collections) =>
        collections.OrderBy(c => c.DisplayName == Browser.BrowserCollection.Name ? 0 : 1)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
