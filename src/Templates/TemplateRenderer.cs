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
    /// <returns>the page, with where the templates' text went in it (for the link check); null on a template error (reported).</returns>
    public RenderedTemplate? RenderPage(Page page, string bodyHtml)
    {
        var layout = LayoutResolver.Resolve(page, templates, bag);
        if (layout is null) return null;
        var globals = Globals(page.Url, page.Language);
        var model = models.Of(page);
        globals["page"] = model;
        globals["content"] = new TrustedHtml(bodyHtml);
        globals["translation"] = ((ScriptArray)model["translations"]!).FirstOrDefault();
        return InBase(layout, globals, page.Url, page.Language, page.SourcePath);
    }

    public const string BilingualLayout = "layouts/bilingual.html";

    /// <summary>The side-by-side view of a page and its translation, at its own URL.</summary>
    public RenderedTemplate? RenderBilingual(Page own, Page other, string viewUrl, string mode, IEnumerable<(string Own, string Other)> rows)
    {
        var globals = Globals(viewUrl, own.Language);
        globals["page"] = models.Of(own);
        globals["content"] = new TrustedHtml("");
        globals["translation"] = models.Of(other);
        globals["other_lang"] = models.Of(other.Language);
        globals["alignment"] = mode;
        globals["is_bilingual"] = true;
        var rowModels = new ScriptArray();
        foreach (var (ownHtml, otherHtml) in rows)
            rowModels.Add(new ScriptObject { ["number"] = rowModels.Count + 1, ["own"] = new TrustedHtml(ownHtml), ["other"] = new TrustedHtml(otherHtml) });
        globals["rows"] = rowModels;
        return InBase(BilingualLayout, globals, viewUrl, own.Language, own.SourcePath);
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
        return InBase(layout, globals, url, lang, renderingFor)?.Html;
    }

    /// <summary>Pages that belong to no language folder (the landing page, 404, the sitemap), written at the site root.</summary>
    public RenderedTemplate? RenderSpecial(string name, string outputPath)
    {
        if (templates.IsBroken(name)) return null;
        if (!templates.Has(name))
        {
            bag.Error(new SourceLocation($"{TemplateStore.Folder}/{name}"), $"template {TemplateStore.Folder}/{name} is missing");
            return null;
        }
        StartPage();
        return Render(name, Globals(outputPath, config.Default), outputPath, config.Default, outputPath);
    }

    /// <summary>A page: the base layout, which renders the page's layout where it writes `main`.</summary>
    private RenderedTemplate? InBase(string layout, ScriptObject globals, string fromUrl, LanguageConfig lang, string renderingFor)
    {
        StartPage();
        // A broken template was reported where it was parsed.
        if (templates.IsBroken(layout) || templates.Get(layout) is not { } template || templates.IsBroken(LayoutResolver.Base)) return null;
        globals["main"] = new TemplateFunction(0, (TemplateContext c, ScriptNode? caller, ScriptArray _) =>
            ((EscapingTemplateContext)c).Include(layout, template, caller, $"`main` (the layout {layout})"));
        return Render(LayoutResolver.Base, globals, fromUrl, lang, renderingFor);
    }

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

    // A limit passed in a template every page uses (a footer doubling a string) is passed again by each page, each
    // costing the limit's worth of time and memory. After the first, the build has failed with
    // that one error and no more templates are rendered.
    private volatile bool _limitPassed;

    /// <summary>One template into its own output; an error in it is reported at its template line and gives null.</summary>
    private RenderedTemplate? Render(string name, ScriptObject globals, string fromUrl, LanguageConfig lang, string renderingFor)
    {
        if (_limitPassed) return null;
        var context = _context ??= new EscapingTemplateContext();
        context.FromUrl = fromUrl;
        context.PageLanguage = lang;
        context.PushGlobal(functions.Shared);
        context.PushGlobal(globals);
        try
        {
            return context.Render(templates.Get(name)!);
        }
        catch (BrokenReference)
        {
            _context = null; // the page or partial it needs failed to load, and its own errors say why: nothing more to say
            return null;
        }
        catch (ScriptRuntimeException e)
        {
            var at = SourceLocation.FromZeroBased(e.Span.FileName ?? $"{TemplateStore.Folder}/{name}", e.Span.Start.Line, e.Span.Start.Column);
            var limit = TemplateLimits.Explain(e);
            if (limit is not null || e is TemplateLimitPassed) _limitPassed = true;
            bag.Error(at, limit ?? e.OriginalMessage, $"while rendering {renderingFor}");
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
