using System.Text.Json;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using SiteGen.Config;
using SiteGen.Content;
using SiteGen.Output;

namespace SiteGen.Templates;

/// <summary>
/// The functions templates call. They are bound to the page being rendered, because every URL a page
/// writes is relative to that page.
/// </summary>
public sealed class TemplateFunctions(TemplateStore templates, ThemeAssets assets, PageModelBuilder models, SiteConfig config)
{
    public ScriptObject For(string fromUrl, LanguageConfig lang)
    {
        var fns = new ScriptObject();
        fns.Import("t", new Func<TemplateContext, SourceSpan, string, string>((_, span, key) => Translate(lang, span, key)));
        fns.Import("rel_url", new Func<TemplateContext, SourceSpan, object, string>((_, span, target) => UrlMapper.Relative(fromUrl, TargetPath(span, target))));
        fns.Import("abs_url", new Func<TemplateContext, SourceSpan, object, string>((_, span, target) => AbsoluteUrl(TargetPath(span, target))));
        fns.Import("asset", new Func<TemplateContext, SourceSpan, string, string>((_, span, name) => UrlMapper.Relative(fromUrl, AssetPath(span, name))));
        fns.Import("partial", new Func<TemplateContext, SourceSpan, string, TrustedHtml>(Partial));
        fns.Import("section_pages", new Func<string, ScriptArray>(section => models.SectionPages(lang, section)));
        fns.Import("alt_url", new Func<TemplateContext, SourceSpan, object, string>((_, span, target) =>
            string.IsNullOrEmpty(config.BaseUrl) ? UrlMapper.Relative(fromUrl, TargetPath(span, target)) : AbsoluteUrl(TargetPath(span, target))));
        fns.Import("get_page", new Func<TemplateContext, SourceSpan, string, ScriptObject>((_, span, path) =>
            models.Find(lang, path) ?? throw new ScriptRuntimeException(span, $"no page '{path}' in content/{lang.Key}/")));
        fns.Import("translation_in", new Func<ScriptObject, string, ScriptObject?>(models.TranslationIn));
        fns.Import("json", new Func<object, TrustedHtml>(Json));
        fns["menu"] = models.Menu(lang);
        return fns;
    }

    private static string Translate(LanguageConfig lang, SourceSpan span, string key) =>
        lang.Strings.TryGetValue(key, out var s) ? s
        : throw new ScriptRuntimeException(span, $"unknown UI string '{key}' for language '{lang.Key}'");

    /// <summary>A page object, or a site-relative path such as `en/` or `sitemap.xml`.</summary>
    private static string TargetPath(SourceSpan span, object target) => target switch
    {
        ScriptObject o when o.TryGetValue("url", out var url) && url is string s => s,
        string s when !s.StartsWith('/') && !s.Contains("://") => s,
        _ => throw new ScriptRuntimeException(span, $"expected a page or a site-relative path, got '{target}'"),
    };

    /// <summary>Empty when no base_url is configured: callers then leave out what needs an absolute URL.</summary>
    private string AbsoluteUrl(string sitePath) =>
        string.IsNullOrEmpty(config.BaseUrl) ? "" : config.BaseUrl.TrimEnd('/') + "/" + sitePath;

    private string AssetPath(SourceSpan span, string name) =>
        assets.OutputPathOf(name) ?? throw new ScriptRuntimeException(span, $"no asset '{name}' in templates/assets/");

    private TrustedHtml Partial(TemplateContext context, SourceSpan span, string name)
    {
        var path = $"partials/{name}";
        var template = templates.Get(path) ?? throw new ScriptRuntimeException(span, $"no partial '{name}' in templates/partials/");
        var stack = ((EscapingTemplateContext)context).PartialStack;
        if (stack.Contains(path))
            throw new ScriptRuntimeException(span, $"partial '{name}' includes itself ({string.Join(" → ", stack.Append(path))})");
        stack.Add(path);
        context.PushOutput();
        try
        {
            return new TrustedHtml(template.Render(context));
        }
        finally
        {
            context.PopOutput();
            stack.RemoveAt(stack.Count - 1);
        }
    }

    /// <summary>JSON for a `<script type="application/ld+json">` block; `<` is escaped so no value can close the script.</summary>
    private static TrustedHtml Json(object value)
    {
        var plain = ToPlain(value);
        var json = JsonSerializer.Serialize(plain, JsonOptions);
        return new TrustedHtml(json);
    }

    // Keeps CJK readable; the encoder still escapes < > & ' " so no value can end the <script> element.
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    private static object? ToPlain(object? value) => value switch
    {
        ScriptObject o => o.ToDictionary(kv => kv.Key, kv => ToPlain(kv.Value)),
        ScriptArray a => a.Select(ToPlain).ToList(),
        TrustedHtml h => h.Html,
        _ => value,
    };
}
