namespace SiteGen.Benchmarks;
public static class CorpusGenerator { public static int Run(string[] args) => 2; }
