using Scriban.Parsing;
using Scriban.Syntax;

namespace SiteGen.Templates;

/// <summary>
/// A template asked for a page that exists but failed to load. The render stops without a message of its own: the
/// page's errors are the root cause, and one root cause gives one error.
/// </summary>
public sealed class BrokenPageReference(SourceSpan span) : ScriptRuntimeException(span, "the page failed to load");
