using Amazon.S3;
using Attest.Web.Infrastructure;

namespace Attest.Web.Tests.Support;

/// <summary>
/// A <see cref="World"/> whose evidence store is a bucket of the real S3-compatible server that <c>scripts/test</c> starts
/// (its address in <c>ATTEST_TEST_S3</c>): a fresh bucket per world, removed with it. Without the variable nothing starts
/// and the tests using it are skipped, saying why.
/// </summary>
public class S3World : IAsyncLifetime
{
    /// <summary>The keys s3rver accepts.</summary>
    public const string Key = "S3RVER";

    public S3World()
        : this(new Dictionary<string, string>())
    {
    }

    protected S3World(IReadOnlyDictionary<string, string> settings)
    {
        if (Server is null)
        {
            Prerequisites.Demand(Prerequisites.Required ? S3FactAttribute.Missing : null);
            return;
        }

        var all = new Dictionary<string, string>(Settings(Bucket));
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        World = new World(kestrel: false, all);
        Client = S3EvidenceObjects.Client(new EvidenceStoreSettings { ServiceUrl = Server, ForcePathStyle = true, AccessKey = Key, SecretKey = Key });
    }

    /// <summary>The server's address, or null when the tests run without one.</summary>
    public static string? Server { get; } = Environment.GetEnvironmentVariable("ATTEST_TEST_S3") is { Length: > 0 } url ? url : null;

    public string Bucket { get; } = "attest-" + Guid.NewGuid().ToString("N")[..16];

    public World World { get; } = null!;

    /// <summary>A client of the server, to look into the bucket from outside the application.</summary>
    public AmazonS3Client Client { get; } = null!;

    /// <summary>The settings that put evidence in <paramref name="bucket"/> of the test server.</summary>
    public static Dictionary<string, string> Settings(string bucket) => new()
    {
        ["Attest:EvidenceStore:Kind"] = "s3",
        ["Attest:EvidenceStore:ServiceUrl"] = Server ?? "",
        ["Attest:EvidenceStore:ForcePathStyle"] = "true",
        ["Attest:EvidenceStore:Bucket"] = bucket,
        ["Attest:EvidenceStore:AccessKey"] = Key,
        ["Attest:EvidenceStore:SecretKey"] = Key,
    };

    public async Task InitializeAsync()
    {
        if (Server is null)
        {
            return;
        }

        await CreateBucketAsync(Bucket);
        await World.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (Server is null)
        {
            return;
        }

        await World.DisposeAsync();
        Client.Dispose();
    }

    /// <summary>
    /// Makes a bucket on the test server. Bucket operations go by plain HTTP (s3rver lets unsigned requests through): the
    /// .NET SDK signs a bucket's path with a trailing slash that s3rver leaves out when it checks, so only object
    /// operations, all Attest uses, are signed; the server's folder goes when scripts/test ends.
    /// </summary>
    public static async Task CreateBucketAsync(string bucket)
    {
        using var http = new HttpClient();
        var response = await http.PutAsync($"{Server}/{bucket}", null);
        Assert.True(response.IsSuccessStatusCode, $"bucket {bucket}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The object stored under <paramref name="key"/>, or null.</summary>
    public async Task<byte[]?> ObjectAsync(string key)
    {
        try
        {
            using var response = await Client.GetObjectAsync(Bucket, key);
            using var copy = new MemoryStream();
            await response.ResponseStream.CopyToAsync(copy);
            return copy.ToArray();
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Every key in the bucket (listed by plain HTTP, see <see cref="CreateBucketAsync"/>).</summary>
    public async Task<List<string>> KeysAsync()
    {
        using var http = new HttpClient();
        var listing = System.Xml.Linq.XDocument.Parse(await http.GetStringAsync($"{Server}/{Bucket}?list-type=2&max-keys=1000"));
        return [.. listing.Descendants().Where(e => e.Name.LocalName == "Key").Select(e => e.Value)];
    }
}

/// <summary>A fact that needs the S3-compatible test server: skipped or failed, saying why (see <see cref="Prerequisites"/>), when <c>ATTEST_TEST_S3</c> is not set (scripts/test always sets it).</summary>
internal sealed class S3FactAttribute : FactAttribute
{
    public S3FactAttribute() => Skip = Prerequisites.Skip(Missing);

    /// <summary>Why the S3 tests cannot run here, or null.</summary>
    public static string? Missing => S3World.Server is null
        ? "ATTEST_TEST_S3 is not set: scripts/test starts an S3-compatible server (s3rver) and sets it; this test needs one"
        : null;
}
