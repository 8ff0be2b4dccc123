using Actionlytics.Core.Members;
using Actionlytics.Data.Store;
using Microsoft.EntityFrameworkCore;

namespace Actionlytics.Data.Tests;

/// <summary>How member imports behave, on every store provider.</summary>
public abstract class MemberImportSpecification(StoreProvider provider) : IAsyncLifetime
{
    private TestStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync(provider);
        await _store.CreateCommunityAsync("acme", "Europe/Rome");
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Creates_then_updates_members_and_an_empty_field_keeps_the_stored_value()
    {
        var first = await _store.ImportMembersAsync("acme", "member_id,display_name,email,locale\nm1,Giulia,giulia@example.org,it\nm2,Marco,,it\n");
        var second = await _store.ImportMembersAsync("acme", "member_id,display_name,email,locale\nm1,Giulia Rossi,,\n");

        Assert.Equal(2, first.Imported);
        Assert.Equal(1, second.Updated);
        var giulia = await _store.QueryAsync(db => db.Members.SingleAsync(m => m.ExternalId == "m1"));
        Assert.Equal("Giulia Rossi", giulia.DisplayName);
        Assert.Equal("giulia@example.org", giulia.Email);
        Assert.Equal("it", giulia.Locale);
    }

    [Fact]
    public async Task Importing_the_same_members_file_twice_gives_the_same_store()
    {
        const string csv = "member_id,display_name,joined_at,team\nm1,Ann,2025-02-01,blue\nm2,Bob,2025-02-03,red\n";
        await _store.ImportMembersAsync("acme", csv);
        var before = await _store.QueryAsync(db => db.Members.OrderBy(m => m.ExternalId).AsNoTracking().ToListAsync());

        await _store.ImportMembersAsync("acme", csv);
        var after = await _store.QueryAsync(db => db.Members.OrderBy(m => m.ExternalId).AsNoTracking().ToListAsync());

        Assert.Equal(
            before.Select(m => (m.Id, m.ExternalId, m.DisplayName, m.JoinedAt, m.AttributesJson)),
            after.Select(m => (m.Id, m.ExternalId, m.DisplayName, m.JoinedAt, m.AttributesJson)));
        Assert.Equal(new DateTimeOffset(2025, 1, 31, 23, 0, 0, TimeSpan.Zero), before[0].JoinedAt); // midnight in Rome
    }

    [Fact]
    public async Task Never_drops_an_opt_out_because_a_later_file_omits_it()
    {
        await _store.ImportMembersAsync("acme", "member_id,opt_out\nm1,email\n");
        await _store.ImportMembersAsync("acme", "member_id,opt_out\nm1,teams\n");
        await _store.ImportMembersAsync("acme", "member_id,opt_out\nm1,\n");

        var member = await _store.QueryAsync(db => db.Members.SingleAsync());
        Assert.Equal(ContactChannels.Email | ContactChannels.Teams, member.OptedOutChannels);
    }

    [Fact]
    public async Task Imports_no_member_from_a_file_with_an_invalid_row()
    {
        var report = await _store.ImportMembersAsync("acme", "member_id,email\nm1,a@example.org\nm2,broken\n");

        Assert.False(report.Committed);
        Assert.Equal(3, Assert.Single(report.Errors).Line);
        Assert.Equal(0, await _store.QueryAsync(db => db.Members.CountAsync()));
    }
}

public sealed class SqliteMemberImportTests() : MemberImportSpecification(StoreProvider.Sqlite);

public sealed class PostgresMemberImportTests() : MemberImportSpecification(StoreProvider.Postgres);
