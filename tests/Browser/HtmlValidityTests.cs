using System.Diagnostics;

namespace SiteGen.Tests.Browser;

/// <summary>The W3C Nu Html Checker (vnu.jar, from npm) over every HTML file of the build.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class HtmlValidityTests(BrowserFixture site)
{
    [Fact]
    public async Task Nu_html_checker_reports_no_error_in_any_file()
    {
        var jar = Path.Combine(BrowserFixture.NodeModules, "vnu-jar", "build", "dist", "vnu.jar");
        var psi = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-jar", jar, "--errors-only", "--skip-non-html", "--format", "gnu", site.Out }) psi.ArgumentList.Add(arg);
        using var vnu = Process.Start(psi)!;
        var stdout = vnu.StandardOutput.ReadToEndAsync();
        var stderr = await vnu.StandardError.ReadToEndAsync();
        await vnu.WaitForExitAsync();
        var errors = (await stdout + stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Replace("file:" + site.Out + "/", "").Replace(site.Out + "/", "")).ToList();
        Assert.Empty(errors);
        Assert.Equal(0, vnu.ExitCode);
    }
}
