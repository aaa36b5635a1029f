using System.Collections;
using Scriban.Runtime;

namespace SiteGen.Templates;

/// <summary>
/// Turns YAML-deserialised data (dictionaries, lists, scalars) into Scriban objects templates can walk. Read-only:
/// pages render in parallel and share these objects, so a template must not be able to change them.
/// </summary>
public static class ModelConverter
{
    public static object? ToScript(object? value) => value switch
    {
        null => null,
        string s => s,
        IDictionary dict => ToObject(dict),
        IEnumerable list => ToArray(list),
        _ => value,
    };

    /// <summary>Marks a template value read-only (Scriban then refuses a template's assignment to it) and returns it.</summary>
    public static T ReadOnly<T>(T value) where T : IScriptObject
    {
        value.IsReadOnly = true;
        return value;
    }

    private static ScriptObject ToObject(IDictionary dict)
    {
        var obj = new ScriptObject();
        foreach (DictionaryEntry e in dict) obj[e.Key.ToString() ?? ""] = ToScript(e.Value);
        return ReadOnly(obj);
    }

    private static ScriptArray ToArray(IEnumerable list)
    {
        var arr = new ScriptArray();
        foreach (var item in list) arr.Add(ToScript(item));
        return ReadOnly(arr);
    }
}
