using Actionlytics.Server.Api;
using Actionlytics.Server.Demo;
using Actionlytics.Server.Hosting;
using Actionlytics.Server.Security;
using Actionlytics.Server.Teams;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddStore();
builder.AddDemoCommunity();
builder.AddSignIn();
builder.AddApiAccess();
builder.AddIngestionApi();
builder.AddKnowledge();
builder.AddCampaigns();
builder.AddAgent();
builder.AddTeams();

var app = builder.Build();

app.UseServiceDefaults();
app.UseSignIn();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapDefaultEndpoints();
app.MapSignIn();
app.MapCommunitiesApi();
app.MapIngestionApi();
app.MapAnalyticsApi();
app.MapChatApi();
app.MapCampaignsApi();
app.MapUnsubscribe();
app.MapTeams();

app.Run();

/// <summary>The server's entry point, visible to the tests that host it.</summary>
public partial class Program;
