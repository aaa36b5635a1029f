using System.Text;
using System.Xml;
using SiteGen.Config;
using SiteGen.Content;

namespace SiteGen.Output;

/// <summary>sitemap.xml with hreflang alternates (Google's format) and robots.txt; both need absolute URLs.</summary>
public static class SitemapWriter
{
    private const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNs = "http://www.w3.org/1999/xhtml";

    public static string Sitemap(SiteIndex index, string baseUrl)
    {
        var sb = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using (var xml = XmlWriter.Create(new Utf8StringWriter(sb), settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", SitemapNs);
            xml.WriteAttributeString("xmlns", "xhtml", null, XhtmlNs);
            foreach (var page in index.Pages)
            {
                xml.WriteStartElement("url", SitemapNs);
                xml.WriteElementString("loc", SitemapNs, UrlMapper.Absolute(baseUrl, page.Url));
                if (page.Date is { } date) xml.WriteElementString("lastmod", SitemapNs, date.ToString("yyyy-MM-dd"));
                foreach (var (tag, url) in Alternates(page, index))
                {
                    xml.WriteStartElement("xhtml", "link", XhtmlNs);
                    xml.WriteAttributeString("rel", "alternate");
                    xml.WriteAttributeString("hreflang", tag);
                    xml.WriteAttributeString("href", UrlMapper.Absolute(baseUrl, url));
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return sb.Append('\n').ToString();
    }

    /// <summary>A string writer that says UTF-8, the encoding the file is saved in, so the XML declaration says it too.</summary>
    private sealed class Utf8StringWriter(StringBuilder sb) : StringWriter(sb)
    {
        public override Encoding Encoding { get; } = new UTF8Encoding(false);
    }

    /// <summary>The page itself, each translation, and x-default pointing at the default language's version.</summary>
    public static IEnumerable<(string Tag, string Url)> Alternates(Page page, SiteIndex index)
    {
        var config = index.Config;
        var translations = index.Translations(page);
        if (translations.Count == 0) yield break;
        var all = config.Languages
            .Select(l => l == page.Language ? page : translations.GetValueOrDefault(l.Key))
            .Where(p => p is not null).Select(p => p!).ToList();
        foreach (var p in all) yield return (p.Language.LangTag, p.Url);
        var fallback = all.FirstOrDefault(p => p.Language.Key == config.DefaultLanguage) ?? all[0];
        yield return ("x-default", fallback.Url);
    }

    public static string Robots(string? baseUrl) =>
        "User-agent: *\nAllow: /\n" + (string.IsNullOrEmpty(baseUrl) ? "" : $"Sitemap: {UrlMapper.Absolute(baseUrl, "sitemap.xml")}\n");
}
