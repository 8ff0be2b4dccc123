using Actionlytics.Data.Communities;
using Actionlytics.Data.Conversations;
using Actionlytics.Data.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Actionlytics.Data.Tests;

/// <summary>Threads, messages, artifacts and saved segments on each provider.</summary>
public abstract class ConversationSpecification(StoreProvider provider) : IAsyncLifetime
{
    private TestStore _store = null!;
    private int _community;

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync(provider);
        await _store.CreateCommunityAsync("acme");
        _community = (await _store.WithScopeAsync(sp => sp.GetRequiredService<CommunityDirectory>().GetAsync("acme", CancellationToken.None))).Id;
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Appends_turns_in_order_and_lists_a_users_threads_latest_first()
    {
        var (first, second) = await _store.WithScopeAsync(async sp =>
        {
            var store = sp.GetRequiredService<ConversationStore>();
            var a = await store.CreateThreadAsync(_community, "ana", "first", CancellationToken.None);
            var b = await store.CreateThreadAsync(_community, "ana", "second", CancellationToken.None);
            await store.AppendAsync(a.Id, [("user", "{\"n\":1}"), ("assistant", "{\"n\":2}")], CancellationToken.None);
            await store.AppendAsync(a.Id, [("user", "{\"n\":3}")], CancellationToken.None);
            return (a, b);
        });

        var messages = await _store.WithScopeAsync(sp => sp.GetRequiredService<ConversationStore>().MessagesAsync(first.Id, CancellationToken.None));
        var threads = await _store.WithScopeAsync(sp => sp.GetRequiredService<ConversationStore>().ListThreadsAsync(_community, "ana", CancellationToken.None));
        var others = await _store.WithScopeAsync(sp => sp.GetRequiredService<ConversationStore>().ListThreadsAsync(_community, "bob", CancellationToken.None));

        Assert.Equal([0, 1, 2], messages.Select(m => m.Sequence));
        Assert.Equal(["{\"n\":1}", "{\"n\":2}", "{\"n\":3}"], messages.Select(m => m.ContentJson));
        Assert.Equal([first.Id, second.Id], threads.Select(t => t.Id)); // the first was written to last
        Assert.Empty(others);
    }

    [Fact]
    public async Task Keeps_artifact_bytes_and_refuses_a_second_saved_segment_of_the_same_name()
    {
        var bytes = Enumerable.Range(0, 300_000).Select(i => (byte)i).ToArray();
        var saved = await _store.WithScopeAsync(sp => sp.GetRequiredService<ArtifactStore>().SaveAsync(_community, "chart", "c.png", "image/png", bytes, CancellationToken.None));
        var read = await _store.WithScopeAsync(sp => sp.GetRequiredService<ArtifactStore>().FindAsync(saved.Id, CancellationToken.None));
        Assert.Equal(bytes, read!.Content);

        await _store.WithScopeAsync(sp => sp.GetRequiredService<SavedSegmentStore>().CreateAsync(_community, "quiet", "inactive", 45, ["m1", "m2"], "ana", CancellationToken.None));
        await Assert.ThrowsAsync<SavedSegmentExistsException>(() =>
            _store.WithScopeAsync(sp => sp.GetRequiredService<SavedSegmentStore>().CreateAsync(_community, "quiet", "again", 45, ["m3"], "ana", CancellationToken.None)));
        var segment = await _store.WithScopeAsync(sp => sp.GetRequiredService<SavedSegmentStore>().FindAsync(_community, "quiet", CancellationToken.None));
        Assert.Equal(2, segment!.MemberCount);
        Assert.Equal(45, segment.InactiveAfterDays);
    }
}

public sealed class SqliteConversationTests() : ConversationSpecification(StoreProvider.Sqlite);

public sealed class PostgresConversationTests() : ConversationSpecification(StoreProvider.Postgres);
