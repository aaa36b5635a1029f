using Scriban.Parsing;
using Scriban.Syntax;

namespace SiteGen.Templates;

/// <summary>One of SiteGen's own limits in <see cref="TemplateLimits"/> was passed (Scriban's own are told by their text).</summary>
public sealed class TemplateLimitPassed(SourceSpan span, string message) : ScriptRuntimeException(span, message);
