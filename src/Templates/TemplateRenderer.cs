using System.Text;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;
using SiteGen.Config;
using SiteGen.Content;
using SiteGen.Diagnostics;

namespace SiteGen.Templates;

/// <summary>Wraps a page's HTML body in its layout, then in the base layout; reports template errors at their file position.</summary>
public sealed class TemplateRenderer(TemplateStore templates, TemplateFunctions functions, PageModelBuilder models, SiteConfig config, DiagnosticBag bag)
{
    public string? RenderPage(Page page, string bodyHtml) => RenderPageInPlace(page, bodyHtml)?.ToString();

    /// <summary>
    /// A page's HTML, left in this thread's output builder: valid until the thread renders again. The build copies it to
    /// disk and the link scan from there, so no string of the whole page is made (with the layout's, a quarter of what the
    /// build allocated).
    /// </summary>
    public StringBuilder? RenderPageInPlace(Page page, string bodyHtml)
    {
        var layout = LayoutResolver.Resolve(page, templates, bag);
        if (layout is null) return null;
        StartPage();
        var globals = Globals(page.Url, page.Language);
        var model = models.Of(page);
        globals["page"] = model;
        globals["content"] = new TrustedHtml(bodyHtml);
        globals["translation"] = ((ScriptArray)model["translations"]!).FirstOrDefault();
        var main = RenderInPlace(layout, globals, page.Url, page.Language, page.SourcePath, c => c.LayoutOutput);
        if (main is null || templates.IsBroken(LayoutResolver.Base)) return null;
        globals["main"] = new TrustedHtml(main, _context!.LayoutOutput.Writes.All);
        return RenderInPlace(LayoutResolver.Base, globals, page.Url, page.Language, page.SourcePath, c => c.PageOutput);
    }

    public const string BilingualLayout = "layouts/bilingual.html";

    /// <summary>
    /// The side-by-side view of a page and its translation, at its own URL; as <see cref="RenderPageInPlace"/>, valid
    /// until the thread renders again.
    /// </summary>
    public StringBuilder? RenderBilingualInPlace(Page own, Page other, string viewUrl, string mode, IEnumerable<(string Own, string Other)> rows)
    {
        StartPage();
        var globals = Globals(viewUrl, own.Language);
        var model = models.Of(own);
        globals["page"] = model;
        globals["content"] = new TrustedHtml("");
        globals["translation"] = models.Of(other);
        globals["other_lang"] = models.Of(other.Language);
        globals["alignment"] = mode;
        globals["is_bilingual"] = true;
        var rowModels = new ScriptArray();
        foreach (var (ownHtml, otherHtml) in rows)
            rowModels.Add(new ScriptObject { ["number"] = rowModels.Count + 1, ["own"] = new TrustedHtml(ownHtml), ["other"] = new TrustedHtml(otherHtml) });
        globals["rows"] = rowModels;
        var main = RenderInPlace(BilingualLayout, globals, viewUrl, own.Language, own.SourcePath, c => c.LayoutOutput);
        if (main is null || templates.IsBroken(LayoutResolver.Base)) return null;
        globals["main"] = new TrustedHtml(main, _context!.LayoutOutput.Writes.All);
        return RenderInPlace(LayoutResolver.Base, globals, viewUrl, own.Language, own.SourcePath, c => c.PageOutput);
    }

    /// <summary>
    /// A page the build makes rather than a content file (the search page): a layout with the given page model, in a
    /// language, wrapped in the base layout like any page.
    /// </summary>
    public string? RenderGenerated(string layout, ScriptObject page, LanguageConfig lang, string renderingFor)
    {
        var url = (string)page["url"]!;
        var globals = Globals(url, lang);
        globals["page"] = page;
        globals["content"] = new TrustedHtml("");
        globals["translation"] = ((ScriptArray)page["translations"]!).FirstOrDefault();
        var main = RenderInPlace(layout, globals, url, lang, renderingFor, c => c.LayoutOutput)?.ToString();
        if (main is null || templates.IsBroken(LayoutResolver.Base)) return null;
        globals["main"] = new TrustedHtml(main);
        return RenderInPlace(LayoutResolver.Base, globals, url, lang, renderingFor, c => c.PageOutput)?.ToString();
    }

    /// <summary>Pages that belong to no language folder (the landing page, 404, the sitemap), written at the site root.</summary>
    public string? RenderSpecial(string name, string outputPath)
    {
        if (templates.IsBroken(name)) return null;
        if (!templates.Has(name))
        {
            bag.Error(new SourceLocation($"{TemplateStore.Folder}/{name}"), $"template {TemplateStore.Folder}/{name} is missing");
            return null;
        }
        StartPage();
        return RenderInPlace(name, Globals(outputPath, config.Default), outputPath, config.Default, outputPath, c => c.PageOutput)?.ToString();
    }

    /// <summary>Where the templates' text went in the page this thread rendered last (see <see cref="TemplateWrites"/>).</summary>
    public TemplateWrites? PageWrites => _context?.PageOutput.Writes;

    private ScriptObject Globals(string fromUrl, LanguageConfig lang)
    {
        var shared = _shared.GetOrAdd(lang.Key, _ => SharedGlobals(lang));
        var globals = new ScriptObject();
        foreach (var (key, value) in shared) globals[key] = value;
        globals["url"] = fromUrl;
        globals["is_bilingual"] = false;
        return globals;
    }

    /// <summary>What every page of a language sees the same: made once, read-only (pages render in parallel).</summary>
    private ScriptObject SharedGlobals(LanguageConfig lang)
    {
        var languages = models.Languages();
        return ModelConverter.ReadOnly(new ScriptObject
        {
            ["menu"] = models.Menu(lang),
            ["site"] = ModelConverter.ReadOnly(new ScriptObject
            {
                ["base_url"] = config.BaseUrl ?? "",
                ["title"] = lang.Title,
                ["description"] = lang.Description,
                ["default_language"] = config.DefaultLanguage,
            }),
            // The search page's address, or null when the site has no search: the header's search field hangs on it.
            ["search_url"] = Search.SearchStage.Enabled(config, templates) ? Search.SearchStage.PageUrl(lang) : null,
            ["lang"] = models.Of(lang),
            ["languages"] = languages,
            ["other_languages"] = ModelConverter.ReadOnly(new ScriptArray(languages.Cast<ScriptObject>().Where(l => (string?)l["key"] != lang.Key))),
        });
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ScriptObject> _shared = new();

    // Setting up a context (Scriban's builtins) costs more than rendering a small layout: one per thread, reused.
    [ThreadStatic] private static EscapingTemplateContext? _context;

    /// <summary>The limits in <see cref="TemplateLimits"/> hold per page, over its layout, base layout and partials.</summary>
    private static void StartPage() => (_context ??= new EscapingTemplateContext()).StartPage();

    /// <summary>
    /// Rendered into one of the context's kept builders: a layout into the one the base layout then writes as its
    /// `main`, the base layout into the page's.
    /// </summary>
    private StringBuilder? RenderInPlace(string name, ScriptObject globals, string fromUrl, LanguageConfig lang, string renderingFor, Func<EscapingTemplateContext, BuilderOutput> into) =>
        Run(name, globals, fromUrl, lang, renderingFor, (template, context) =>
        {
            var output = into(context);
            output.Clear();
            context.PushOutput(output);
            try
            {
                template.Render(context);
            }
            finally
            {
                context.PopOutput();
            }
            return output.Builder;
        });

    private T? Run<T>(string name, ScriptObject globals, string fromUrl, LanguageConfig lang, string renderingFor, Func<Template, EscapingTemplateContext, T> render) where T : class
    {
        var context = _context ??= new EscapingTemplateContext();
        context.FromUrl = fromUrl;
        context.PageLanguage = lang;
        context.PushGlobal(functions.Shared);
        context.PushGlobal(globals);
        try
        {
            return render(templates.Get(name)!, context);
        }
        catch (BrokenPageReference)
        {
            _context = null; // the page it needs failed to load, and that page's own errors say why: nothing more to say
            return null;
        }
        catch (ScriptRuntimeException e)
        {
            var at = SourceLocation.FromZeroBased(e.Span.FileName ?? $"{TemplateStore.Folder}/{name}", e.Span.Start.Line, e.Span.Start.Column);
            var message = e.OriginalMessage.EndsWith("The object is readonly", StringComparison.Ordinal)
                ? "this value is read-only: page, site, lang and menu are shared by pages rendering at the same time; assign to a new variable instead"
                : TemplateLimits.Explain(e) ?? e.OriginalMessage;
            bag.Error(at, message, $"while rendering {renderingFor}");
            _context = null; // a failed render can leave the context half-unwound
            return null;
        }
        finally
        {
            if (_context == context)
            {
                context.PopGlobal();
                context.PopGlobal();
            }
        }
    }
}
