using System.Buffers;
using System.Text.Json;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using SiteGen.Config;
using SiteGen.Content;
using SiteGen.Output;
using static SiteGen.Templates.TemplateFunction;

namespace SiteGen.Templates;

/// <summary>
/// The functions templates call. Built once per build; each reads the page being rendered (its URL, which every
/// relative URL starts from, and its language) from the <see cref="EscapingTemplateContext"/>.
/// </summary>
public sealed class TemplateFunctions
{
    private readonly TemplateStore templates;
    private readonly ThemeAssets assets;
    private readonly PageModelBuilder models;
    private readonly SiteConfig config;

    public ScriptObject Shared { get; } = new();

    public TemplateFunctions(TemplateStore templates, ThemeAssets assets, PageModelBuilder models, SiteConfig config)
    {
        (this.templates, this.assets, this.models, this.config) = (templates, assets, models, config);
        var fns = Shared;
        fns["t"] = new TemplateFunction(1, (c, span, a) => Translate(Lang(c), span, Text(c, a[0])));
        fns["rel_url"] = new TemplateFunction(1, (c, span, a) => UrlMapper.Relative(From(c), TargetPath(span, a[0])));
        fns["abs_url"] = new TemplateFunction(1, (_, span, a) => AbsoluteUrl(TargetPath(span, a[0])));
        fns["asset"] = new TemplateFunction(1, (c, span, a) => UrlMapper.Relative(From(c), AssetPath(span, Text(c, a[0]))));
        fns["partial"] = new TemplateFunction(1, (TemplateContext c, ScriptNode? caller, ScriptArray a) => Partial(c, caller, Text(c, a[0])));
        fns["section_pages"] = new TemplateFunction(1, (TemplateContext c, SourceSpan _, ScriptArray a) => models.SectionPages(Lang(c), Text(c, a[0])));
        fns["alt_url"] = new TemplateFunction(1, (c, span, a) =>
            string.IsNullOrEmpty(config.BaseUrl) ? UrlMapper.Relative(From(c), TargetPath(span, a[0])) : AbsoluteUrl(TargetPath(span, a[0])));
        fns["get_page"] = new TemplateFunction(1, (c, span, a) => GetPage(Lang(c), span, Text(c, a[0])));
        fns["translation_in"] = new TemplateFunction(2, (c, span, a) => a[0] is ScriptObject page
            ? models.TranslationIn(page, Text(c, a[1]))
            : throw new ScriptRuntimeException(span, $"translation_in expects a page, got '{a[0]}'"));
        fns["json"] = new TemplateFunction(1, (_, span, a) => Json(a[0], span));
    }

    private ScriptObject GetPage(LanguageConfig lang, SourceSpan span, string path) =>
        models.Find(lang, path)
        ?? (models.IsBroken(lang, path)
            ? throw new BrokenReference(span)
            : throw new ScriptRuntimeException(span, $"no page '{path}' in content/{lang.Key}/"));

    private static string From(TemplateContext c) => ((EscapingTemplateContext)c).FromUrl;
    private static LanguageConfig Lang(TemplateContext c) => ((EscapingTemplateContext)c).PageLanguage!;

    private static string Translate(LanguageConfig lang, SourceSpan span, string key) =>
        lang.Strings.TryGetValue(key, out var s) ? s
        : throw new ScriptRuntimeException(span, $"unknown UI string '{key}' for language '{lang.Key}'");

    /// <summary>A page object, or a site-relative path such as `en/` or `sitemap.xml`.</summary>
    private static string TargetPath(SourceSpan span, object? target) => target switch
    {
        ScriptObject o when o.TryGetValue("url", out var url) && url is string s => s,
        string s when !s.StartsWith('/') && !s.Contains("://") => s,
        _ => throw new ScriptRuntimeException(span, $"expected a page or a site-relative path, got '{target}'"),
    };

    /// <summary>Empty when no base_url is configured: callers then leave out what needs an absolute URL.</summary>
    private string AbsoluteUrl(string sitePath) =>
        string.IsNullOrEmpty(config.BaseUrl) ? "" : UrlMapper.Absolute(config.BaseUrl, sitePath);

    private string AssetPath(SourceSpan span, string name) =>
        assets.OutputPathOf(name) ?? throw new ScriptRuntimeException(span, $"no asset '{name}' in templates/assets/");

    private TrustedHtml? Partial(TemplateContext context, ScriptNode? caller, string name)
    {
        var path = $"partials/{name}";
        var span = caller?.Span ?? default;
        // One that does not parse was reported where it was parsed.
        var template = templates.Get(path) ?? (templates.IsBroken(path)
            ? throw new BrokenReference(span)
            : throw new ScriptRuntimeException(span, $"no partial '{name}' in templates/partials/"));
        return ((EscapingTemplateContext)context).Include(path, template, caller, $"partial '{name}'");
    }

    /// <summary>JSON for a `<script type="application/ld+json">` block; `<` is escaped so no value can close the script.</summary>
    private static TrustedHtml Json(object? value, SourceSpan span)
    {
        // One buffer and writer per thread, reset for each call (the head of every page has a JSON-LD block).
        var buffer = _jsonBuffer ??= new ArrayBufferWriter<byte>();
        var writer = _jsonWriter ??= new Utf8JsonWriter(buffer, JsonOptions);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        Write(writer, value, 0, span);
        writer.Flush();
        return new TrustedHtml(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [ThreadStatic] private static ArrayBufferWriter<byte>? _jsonBuffer;
    [ThreadStatic] private static Utf8JsonWriter? _jsonWriter;

    // Keeps CJK readable; the encoder still escapes < > & ' " so no value can end the <script> element.
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>How deep `json` follows values: a page model refers back to itself (`page.translations[0].translations`).</summary>
    public const int JsonDepth = 32;

    /// <summary>Template values written directly: no reflection-built serializer to set up on every run.</summary>
    private static void Write(Utf8JsonWriter writer, object? value, int depth, SourceSpan span)
    {
        if (depth > JsonDepth && value is ScriptObject or ScriptArray)
            throw new ScriptRuntimeException(span, $"json: the value nests deeper than {JsonDepth} levels (a page refers back to itself through its translations, prev or next; pass json the fields you need, e.g. {{{{ json {{title: page.title, url: page.url}} }}}})");
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case ScriptObject o:
                writer.WriteStartObject();
                foreach (var (key, item) in o)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item, depth + 1, span);
                }
                writer.WriteEndObject();
                break;
            case ScriptArray a:
                writer.WriteStartArray();
                foreach (var item in a) Write(writer, item, depth + 1, span);
                writer.WriteEndArray();
                break;
            case TrustedHtml h: writer.WriteStringValue(h.Html); break;
            case string str: writer.WriteStringValue(str); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: writer.WriteNumberValue(d); break;
            case decimal m: writer.WriteNumberValue(m); break;
            default: writer.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)); break;
        }
    }
}
