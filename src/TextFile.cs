using System.Text;
using SiteGen.Diagnostics;

namespace SiteGen;

/// <summary>Reads a UTF-8 text file strictly: invalid bytes are an error, a BOM is dropped, CRLF becomes LF.</summary>
public static class TextFile
{
    /// <summary>UTF-8 that throws on invalid bytes instead of replacing them.</summary>
    public static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string? Decode(byte[] bytes, string displayPath, DiagnosticBag bag)
    {
        string text;
        try
        {
            text = Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            var (line, col) = FirstInvalidByte(bytes);
            bag.Error(new SourceLocation(displayPath, line, col), "file is not valid UTF-8", "save it as UTF-8");
            return null;
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        return text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;
    }

    private static (int Line, int Column) FirstInvalidByte(byte[] bytes)
    {
        int line = 1, lineStart = 0;
        for (var i = 0; i < bytes.Length;)
        {
            if (Rune.DecodeFromUtf8(bytes.AsSpan(i), out _, out var consumed) != System.Buffers.OperationStatus.Done)
                return (line, i - lineStart + 1);
            if (bytes[i] == '\n') { line++; lineStart = i + 1; }
            i += consumed;
        }
        return (line, 1);
    }
}
