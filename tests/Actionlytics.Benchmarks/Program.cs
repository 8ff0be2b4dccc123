using System.CommandLine;
using Actionlytics.Benchmarks;

var root = new RootCommand("Actionlytics benchmarks: each reports ratios against a reference engine run in the same process.");
root.Subcommands.Add(ImportBenchmark.Command());
root.Subcommands.Add(AnalyticsBenchmark.Command());
root.Subcommands.Add(KnowledgeBenchmark.Command());
root.Subcommands.Add(AgentBenchmark.Command());
root.Subcommands.Add(Actionlytics.Benchmarks.Blind.BlindBenchmark.Command());
root.Subcommands.Add(CampaignBenchmark.Command());
return await root.Parse(args).InvokeAsync();
