using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SiteGen.Serve;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Serve;

/// <summary>
/// Whatever is edited, in whatever order, `serve`'s rebuild (reusing what it rendered before) gives the site a clean
/// build gives, byte for byte, with the same problems reported. Run in process on copies of the tiny fixture and of the
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
            AssertSame(session, site.Root, "the first build");
            for (var step = 0; step < edits.Length; step++)
            {
                var done = site.Apply(edits[step], step);
                AssertSame(session, site.Root, $"step {step + 1} of [{string.Join(", ", edits.AsEnumerable())}]: {done}");
            }
        }
        finally
        {
            site.Dispose();
        }
    }

    private static void AssertSame(ServeSession session, string root, string after)
    {
        var served = session.RebuildAsync("edit").GetAwaiter().GetResult();
        var clean = new SiteBuilder(new BuildOptions { Root = root }).Build();
        Assert.True(clean.Succeeded, $"after {after}, the edited site does not build: {string.Join("\n", clean.Diagnostics)}");
        Assert.True(served.Succeeded, $"after {after}, serve's rebuild failed: {string.Join("\n", served.Diagnostics)}");
        Assert.Equal(clean.Diagnostics.Select(d => d.ToString()), served.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(clean.Output.Paths, session.Current.Paths);
        foreach (var path in clean.Output.Paths)
            if (!clean.Output.Bytes(path).AsSpan().SequenceEqual(session.Current.Bytes(path)))
                Assert.Fail($"after {after}, serve shows {path} as\n{session.Current.Text(path)}\nand a clean build as\n{clean.Output.Text(path)}");
    }
}
