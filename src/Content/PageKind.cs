namespace SiteGen.Content;

public enum PageKind
{
    /// <summary>`_index.md` at the root of a language.</summary>
    Home,
    /// <summary>`_index.md` in a folder: the page that lists the folder's pages.</summary>
    Section,
    Regular,
}
