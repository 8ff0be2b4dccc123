using System.CommandLine;
using System.Globalization;
using Actionlytics.Core.Demo;
using Actionlytics.Data.Communities;
using Actionlytics.Data.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Cli.Commands;

/// <summary><c>actionlytics demo --members N --months M --seed S</c>: writes the generated demo community.</summary>
internal static class DemoCommand
{
    public static Command Build()
    {
        var members = new Option<int>("--members") { Description = "Number of members.", DefaultValueFactory = _ => DemoCommunitySpec.DefaultMembers };
        var months = new Option<int>("--months") { Description = "Months of history.", DefaultValueFactory = _ => DemoCommunitySpec.DefaultMonths };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed and end date give the same community.", DefaultValueFactory = _ => DemoCommunitySpec.DefaultSeed };
        var end = new Option<string?>("--end") { Description = "Last day of history (YYYY-MM-DD); today by default." };
        var slug = new Option<string>("--community", "-c") { Description = "Slug of the community to create.", DefaultValueFactory = _ => DemoCommunitySpec.DefaultSlug };
        var replace = new Option<bool>("--replace") { Description = "Delete the community first if it exists." };
        members.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 5_000_000)
            {
                result.AddError("--members must be between 1 and 5,000,000.");
            }
        });
        months.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 120)
            {
                result.AddError("--months must be between 1 and 120.");
            }
        });

        var command = new Command("demo", "Generate the demo community (personas: champions, regulars, fading, lapsed, long gone, one-timers, seasonal learners).")
        {
            members, months, seed, end, slug, replace,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            DateOnly endDay;
            if (parse.GetValue(end) is { } endText)
            {
                if (!DateOnly.TryParseExact(endText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out endDay))
                {
                    CliOutput.Error($"--end '{endText}' is not a date such as 2026-06-30");
                    return ExitCodes.UsageOrInput;
                }
            }
            else
            {
                endDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(DemoCommunitySpec.DefaultTimeZone)).DateTime);
            }

            var spec = new DemoCommunitySpec(parse.GetValue(members), parse.GetValue(months), parse.GetValue(seed), endDay);
            var community = parse.GetValue(slug)!;
            try
            {
                using var host = await CliHost.StartAsync(parse.GetValue(CommonOptions.Database), cancellationToken);
                await using var scope = host.Services.CreateAsyncScope();
                var seeder = scope.ServiceProvider.GetRequiredService<DemoCommunitySeeder>();
                var result = await ProgressDisplay.RunAsync($"demo -> {community}", progress =>
                    seeder.SeedAsync(spec, community, DemoCommunitySpec.DefaultName, parse.GetValue(replace), progress, cancellationToken));
                if (parse.GetValue(CommonOptions.Json))
                {
                    CliOutput.Json(result);
                }
                else
                {
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"Demo community '{result.Community}': {result.Members:N0} members, {result.Events:N0} events, {spec.StartDay:yyyy-MM-dd} to {spec.EndDay:yyyy-MM-dd}, in {result.ElapsedSeconds:F1} s."));
                }
                return ExitCodes.Success;
            }
            catch (CommunityDefinitionException ex)
            {
                CliOutput.Error($"{ex.Message} Use --replace to generate it again.");
                return ExitCodes.UsageOrInput;
            }
        });
        return command;
    }
}
