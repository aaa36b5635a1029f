using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Markdig.Renderers.Html;

namespace SiteGen.Markdown;

/// <summary>
/// GitHub-style heading ids (`a`, `a-1`, `a-2`…), the same ids as Markdig's auto-identifiers, given before Markdig's
/// own handler runs (it leaves a heading that already has an id alone). Markdig looks for a free `-n` from 1 again
/// for every repeated heading, so a page of identical headings costs the square of their number (a hostile page could
/// hold the build for hours); here each base id remembers where its search stopped. The ids only grow, so the first free
/// suffix never moves backwards and the ids are unchanged.
/// </summary>
public sealed class UniqueHeadingIds : IMarkdownExtension
{
    private sealed class Taken
    {
        public readonly HashSet<string> Ids = new(StringComparer.Ordinal);
        public readonly Dictionary<string, int> NextSuffix = new(StringComparer.Ordinal);
    }

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // Set up before the auto-identifier extension, so this handler is attached to each heading before Markdig's.
        if (pipeline.BlockParsers.Find<HeadingBlockParser>() is { } atx) { atx.Closed -= Closed; atx.Closed += Closed; }
        if (pipeline.BlockParsers.FindExact<ParagraphBlockParser>() is { } setext) { setext.Closed -= Closed; setext.Closed += Closed; }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer) { }

    private static void Closed(BlockProcessor processor, Block block)
    {
        if (block is HeadingBlock heading) heading.ProcessInlinesEnd += Assign;
    }

    private static void Assign(InlineProcessor processor, Inline? inline)
    {
        var heading = (HeadingBlock)processor.Block!;
        heading.ProcessInlinesEnd -= Assign;
        if (heading.Inline is null) return;
        var attributes = heading.GetAttributes();
        if (attributes.Id is not null) return; // set with `{#id}`

        if (processor.Document.GetData(typeof(Taken)) is not Taken taken)
            processor.Document.SetData(typeof(Taken), taken = new Taken());

        var writer = new StringWriter();
        new HtmlRenderer(writer) { EnableHtmlForInline = false, EnableHtmlEscape = false }.Render(heading.Inline);
        var text = LinkHelper.UrilizeAsGfm(writer.ToString());
        var baseId = string.IsNullOrEmpty(text) ? "section" : text;

        var id = baseId;
        if (!taken.Ids.Add(id))
        {
            var suffix = taken.NextSuffix.GetValueOrDefault(baseId, 1);
            while (!taken.Ids.Add(id = $"{baseId}-{suffix}")) suffix++;
            taken.NextSuffix[baseId] = suffix + 1;
        }
        attributes.Id = id;
    }
}
