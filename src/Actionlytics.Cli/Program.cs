using Actionlytics.Cli;

return await ActionlyticsCli.RunAsync(args);
