using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SiteGen.Serve;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Serve;

/// <summary>
/// Whatever is edited, in whatever order, `serve`'s rebuild (reusing what it rendered before) gives the site a clean
/// build gives, byte for byte, with the same problems reported; and every page it serves before that rebuild (the
/// edit's preview, with every page open in a browser) is already the clean build's. Run in process on copies of the tiny fixture and of the
/// companion site, whose section lists are first made to show their pages' headings (what other pages' text a page shows).
/// </summary>
public class ServeRebuildProperties
{
    public enum Kind { Body, Heading, Title, FrontMatter, Template, SiteYml, AddPage, DeletePage }

    /// <summary>One edit; <see cref="Pick"/> chooses the file or variant, the step number makes every new text unique.</summary>
    public sealed record Edit(Kind Kind, int Pick)
    {
        public override string ToString() => $"{Kind}#{Pick}";
    }

    private static readonly Gen<Edit> AnEdit =
        from kind in Gen.Frequency(
            (3, Gen.Constant(Kind.Body)), (4, Gen.Constant(Kind.Heading)), (2, Gen.Constant(Kind.Title)), (2, Gen.Constant(Kind.FrontMatter)),
            (2, Gen.Constant(Kind.Template)), (1, Gen.Constant(Kind.SiteYml)), (2, Gen.Constant(Kind.AddPage)), (2, Gen.Constant(Kind.DeletePage)))
        from pick in Gen.Choose(0, 9999)
        select new Edit(kind, pick);

    private static Arbitrary<Edit[]> Edits(int maxSteps) =>
        Gen.Choose(1, maxSteps).SelectMany(n => Gen.ArrayOf(AnEdit, n)).ToArbitrary();

    // Few runs of few steps: each step is a rebuild and a clean build (the tiny site fails within a run or two on a
    // cache that misses what a page reads of another).
    [Property(MaxTest = 10)]
    public Property Tiny_site_serve_equals_a_clean_build_after_every_edit() =>
        Prop.ForAll(Edits(6), edits => Holds(Path.Combine(Repo.Tests, "Fixtures", "tiny"), edits));

    [Property(MaxTest = 2), Trait("Category", "Fuzz")]
    public Property Companion_site_serve_equals_a_clean_build_after_every_edit() =>
        Prop.ForAll(Edits(6), edits => Holds(Repo.Root, edits));

    private static void Holds(string from, Edit[] edits)
    {
        var site = new EditableSite(from);
        try
        {
            var session = new ServeSession(new BuildOptions { Root = site.Root }, TextWriter.Null);
            AssertSame(session, Clean(site.Root), "the first build");
            // As if every page were open in a browser: each edit's preview renders every page it can.
            foreach (var path in session.Current.Paths.Where(p => p.EndsWith(".html", StringComparison.Ordinal))) session.Subscribe(path);
            var previewable = true; // every edit since the last full build left the index as it was
            for (var step = 0; step < edits.Length; step++)
            {
                var before = Files(site.Root);
                var done = site.Apply(edits[step], step);
                var after = $"step {step + 1} of [{string.Join(", ", edits.AsEnumerable())}]: {done}";
                var changed = Files(site.Root) is var now ? now.Keys.Union(before.Keys).Where(p => !now.TryGetValue(p, out var b) || !before.TryGetValue(p, out var a) || a != b).ToList() : [];
                session.PreviewAsync(session.Note(changed), "edit").GetAwaiter().GetResult();
                previewable &= edits[step].Kind is Kind.Body or Kind.Heading or Kind.Template;
                var clean = Clean(site.Root);
                var shown = AssertPreviewSame(session, clean, after);
                if (previewable) Assert.True(shown > 0, $"after {after}, nothing was previewed");
                // Now and then a further edit comes before the full build: the preview then follows both.
                if (edits[step].Pick % 3 == 0 && step < edits.Length - 1) continue;
                AssertSame(session, clean, after);
                previewable = true;
            }
        }
        finally
        {
            site.Dispose();
        }
    }

    private static BuildResult Clean(string root)
    {
        var clean = new SiteBuilder(new BuildOptions { Root = root }).Build();
        Assert.True(clean.Succeeded, $"the edited site does not build: {string.Join("\n", clean.Diagnostics)}");
        return clean;
    }

    /// <summary>Every page served before the full build (from the preview) is the clean build's.</summary>
    /// <returns>how many were.</returns>
    private static int AssertPreviewSame(ServeSession session, BuildResult clean, string after)
    {
        var shown = 0;
        foreach (var path in clean.Output.Paths.Union(session.Current.Paths))
        {
            var served = session.OutputFor(path, CancellationToken.None);
            if (!served.IsCompleted) continue;
            Assert.True(clean.Output.Contains(path), $"after {after}, the preview shows {path}, which a clean build does not make");
            if (!clean.Output.Bytes(path).AsSpan().SequenceEqual(served.Result.Bytes(path)))
                Assert.Fail($"after {after}, the preview shows {path} as\n{served.Result.Text(path)}\nand a clean build as\n{clean.Output.Text(path)}");
            shown++;
        }
        return shown;
    }

    private static void AssertSame(ServeSession session, BuildResult clean, string after)
    {
        var served = session.RebuildAsync("edit").GetAwaiter().GetResult();
        Assert.True(served.Succeeded, $"after {after}, serve's rebuild failed: {string.Join("\n", served.Diagnostics)}");
        Assert.Equal(clean.Diagnostics.Select(d => d.ToString()), served.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(clean.Output.Paths, session.Current.Paths);
        foreach (var path in clean.Output.Paths)
            if (!clean.Output.Bytes(path).AsSpan().SequenceEqual(session.Current.Bytes(path)))
                Assert.Fail($"after {after}, serve shows {path} as\n{session.Current.Text(path)}\nand a clean build as\n{clean.Output.Text(path)}");
    }

    /// <summary>The site's files and their text, by site-relative path, to tell which an edit changed (as the watcher does).</summary>
    private static Dictionary<string, string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);
}
