using System.Text;
using Actionlytics.Core.Communities;
using Actionlytics.Core.Ingestion;
using Actionlytics.Core.Members;

namespace Actionlytics.Core.Tests;

public class MemberInputTests
{
    private static List<SourceRow<MemberRow>> Read(string csv)
    {
        var parser = new MemberRowParser(new CommunityCalendar("Europe/Paris"));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return ImportRecordReader.Read(stream, ImportFormat.Csv, ImportContract.Members).Select(parser.Parse).ToList();
    }

    [Fact]
    public void Reads_members_with_opt_outs_dates_and_free_attributes()
    {
        var rows = Read(
            "member_id,display_name,email,locale,joined_at,opt_out,department\n" +
            "m1,Giulia Rossi,giulia@example.org,it,2025-01-31,email;teams,Sales\n");

        var row = rows[0];
        Assert.True(row.IsValid, row.Error);
        Assert.Equal("Giulia Rossi", row.Row.DisplayName);
        Assert.Equal(ContactChannels.Email | ContactChannels.Teams, row.Row.OptedOut);
        Assert.Equal(new DateTimeOffset(2025, 1, 30, 23, 0, 0, TimeSpan.Zero), row.Row.JoinedAt); // midnight in Paris
        Assert.Equal("""{"department":"Sales"}""", row.Row.AttributesJson);
    }

    [Fact]
    public void Reports_bad_emails_locales_dates_and_opt_outs_together()
    {
        var rows = Read("member_id,email,locale,joined_at,opt_out\nm1,not-an-email,french!,yesterday,sms\n");

        var error = rows[0].Error!;
        Assert.Contains("email", error);
        Assert.Contains("locale", error);
        Assert.Contains("joined_at", error);
        Assert.Contains("opt_out 'sms'", error);
    }
}
