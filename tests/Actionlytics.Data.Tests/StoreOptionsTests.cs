using Actionlytics.Data.Store;

namespace Actionlytics.Data.Tests;

public class StoreOptionsTests
{
    [Fact]
    public void Keeps_the_default_store_in_the_users_application_data_folder()
    {
        var path = new StoreOptions().ResolveSqlitePath();

        var expectedFolder = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        Assert.Equal(Path.Combine(expectedFolder, "actionlytics", "actionlytics.db"), path);
    }

    [Fact]
    public void Resolves_a_relative_data_folder_against_the_working_directory_and_prefers_an_explicit_file()
    {
        Assert.Equal(Path.GetFullPath(Path.Combine("mydata", "actionlytics.db")), new StoreOptions { DataFolder = "mydata" }.ResolveSqlitePath());
        Assert.Equal(Path.GetFullPath("x.db"), new StoreOptions { DataFolder = "mydata", SqlitePath = "x.db" }.ResolveSqlitePath());
    }

    [Fact]
    public void Requires_a_connection_string_for_PostgreSQL()
    {
        var options = new StoreOptions { Provider = StoreProvider.Postgres };

        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        Assert.Contains(errors, e => e.ErrorMessage!.Contains("ConnectionString", StringComparison.Ordinal));
    }
}
