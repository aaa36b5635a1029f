using SiteGen.Tests.Support;

namespace SiteGen.Tests;

/// <summary>
/// Real sites on disk under tests/Fixtures: a broken one must give exactly its expected-diagnostics.txt;
/// a good one must build cleanly and match its whole-tree snapshot.
/// </summary>
public class FixtureSiteTests
{
    public static TheoryData<string> Broken() => new(Fixtures().Where(HasExpectedDiagnostics));
    public static TheoryData<string> Good() => new(Fixtures().Where(f => !HasExpectedDiagnostics(f)));

    [Theory, MemberData(nameof(Broken))]
    public void Broken_fixture_reports_exactly_its_expected_diagnostics(string name)
    {
        var result = Build(name);
        Assert.False(result.Succeeded);
        var expected = File.ReadAllLines(Path.Combine(Dir(name), "expected-diagnostics.txt"));
        Assert.Equal(expected, result.Diagnostics.Select(d => d.ToString()));
    }

    [Theory, MemberData(nameof(Good))]
    public void Good_fixture_builds_cleanly_and_matches_its_snapshot(string name)
    {
        var result = Build(name);
        var allowed = File.Exists(Path.Combine(Dir(name), "expected-warnings.txt")) ? File.ReadAllLines(Path.Combine(Dir(name), "expected-warnings.txt")) : [];
        Assert.Equal(allowed, result.Diagnostics.Select(d => d.ToString()));
        Snapshot.Verify($"fixture-{name}", Snapshot.Of(result.Output));
    }

    [Theory, MemberData(nameof(Broken))]
    public void Broken_fixture_reports_the_same_on_one_core_as_on_many(string name)
    {
        // Pages load, render and are checked in parallel: what is reported must not depend on the interleaving.
        var single = new SiteBuilder(new BuildOptions { Root = Dir(name), MaxParallelism = 1 }).Build();
        for (var run = 0; run < 5; run++)
            Assert.Equal(single.Diagnostics, new SiteBuilder(new BuildOptions { Root = Dir(name), MaxParallelism = 8 }).Build().Diagnostics);
    }

    private static BuildResult Build(string name) => new SiteBuilder(new BuildOptions { Root = Dir(name) }).Build();
    private static string Dir(string name) => Path.Combine(Repo.Tests, "Fixtures", name);
    private static bool HasExpectedDiagnostics(string name) => File.Exists(Path.Combine(Dir(name), "expected-diagnostics.txt"));
    private static IEnumerable<string> Fixtures() =>
        Directory.GetDirectories(Path.Combine(Repo.Tests, "Fixtures")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;
}
