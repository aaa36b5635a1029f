using Scriban.Parsing;
using Scriban.Syntax;

namespace SiteGen.Templates;

/// <summary>
/// A template asked for a page or a partial that exists but failed to load. The render stops without a message of its
/// own: the page's or the partial's errors are the root cause, and one root cause gives one error.
/// </summary>
public sealed class BrokenReference(SourceSpan span) : ScriptRuntimeException(span, "a page or partial it needs failed to load");
