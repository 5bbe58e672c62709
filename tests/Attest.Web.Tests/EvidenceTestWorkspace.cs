using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Attest.Core.Applications;
using Attest.Web.Data;
using Attest.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Tests;

/// <summary>
/// A partner of its own for one test: an alliance lead, a contributor, a partner manager assigned to it, and an application
/// with one case study (<c>contoso</c>) that qualifies. Tests that use one do not see each other's data.
/// </summary>
internal sealed partial class EvidenceTestWorkspace
{
    private EvidenceTestWorkspace(World world) => World = world;

    public World World { get; }

    public Guid PartnerId { get; } = Guid.NewGuid();

    public Guid ApplicationId { get; } = Guid.NewGuid();

    public string LeadId { get; private set; } = "";

    public string ContributorId { get; private set; } = "";

    public string ManagerId { get; private set; } = "";

    public static async Task<EvidenceTestWorkspace> CreateAsync(World world)
    {
        var workspace = new EvidenceTestWorkspace(world);
        using var scope = world.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AttestUser>>();
        var tag = workspace.PartnerId.ToString("N")[..12];
        db.Partners.Add(new Partner { Id = workspace.PartnerId, Name = $"Partner {tag}" });
        await db.SaveChangesAsync();
        async Task<string> User(string name, UserRole role, Guid? partner)
        {
            var user = new AttestUser { UserName = $"{name}-{tag}@example.test", Email = $"{name}-{tag}@example.test", EmailConfirmed = true, DisplayName = name, Role = role, PartnerId = partner };
            var created = await users.CreateAsync(user, World.Password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            return user.Id;
        }

        workspace.LeadId = await User("lead", UserRole.AllianceLead, workspace.PartnerId);
        workspace.ContributorId = await User("contributor", UserRole.Contributor, workspace.PartnerId);
        workspace.ManagerId = await User("manager", UserRole.PartnerManager, null);
        db.PartnerAssignments.Add(new PartnerAssignment { PartnerId = workspace.PartnerId, UserId = workspace.ManagerId });
        db.Applications.Add(new ApplicationRecord
        {
            Id = workspace.ApplicationId,
            PartnerId = workspace.PartnerId,
            ChecklistId = "aws-retail-consulting-2019-12",
            Revision = 1,
            PartnerName = $"Partner {tag}",
            CaseStudies = [QualifyingCaseStudy(workspace.ApplicationId, workspace.PartnerId, "contoso")],
        });
        await db.SaveChangesAsync();
        return workspace;
    }

    /// <summary>A case study that counts: production, retail, complete, finished two months ago.</summary>
    public static CaseStudyRecord QualifyingCaseStudy(Guid application, Guid partner, string key) => new()
    {
        Id = Guid.NewGuid(),
        ApplicationId = application,
        PartnerId = partner,
        Key = key,
        Revision = 1,
        Customer = "Contoso Stores",
        CustomerWebsite = "https://www.contoso.example",
        Stage = ProjectStage.Production,
        UseCase = RetailUseCase.SupplyChain,
        Delivery = DeliveryCategory.Project,
        Completed = new DateOnly(2026, 9, 26),
        Problem = "Stock-outs.",
        Solution = "Event-driven replenishment.",
        AwsServices = ["Amazon S3", "Amazon Redshift"],
        RetailExpertise = "Merchandising.",
        ThirdParty = [],
        Results = "Fewer stock-outs.",
    };

    /// <summary>A client signed in as the user with this id; redirects are not followed.</summary>
    public HttpClient Client(string userId, string? language = null) => ClientOf(World.Factory, userId, language);

    public static HttpClient ClientOf(WebApplicationFactory<Program> factory, string userId, string? language = null)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(AttestFactory.UserHeader, userId);
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        return client;
    }

    /// <summary>Reads the database behind the access filters.</summary>
    public Task<T> ReadAsync<T>(Func<AttestDbContext, Task<T>> query) => World.ReadAsync(query);

    /// <summary>The antiforgery token of the form on <paramref name="page"/>.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var response = await client.GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();
        var match = TokenField().Match(html);
        Assert.True(match.Success, $"no antiforgery token on {page} ({(int)response.StatusCode})");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts a form as a browser does, the token read from <paramref name="page"/> first.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string target, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await TokenAsync(client, page);
        return await client.PostAsync(target, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
    }

    /// <summary>Uploads <paramref name="content"/> through the library's upload form, the token first as the form sends it.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName, string? browserType = null, string? name = null, string? issuedOn = null, bool withToken = true)
    {
        using var form = new MultipartFormDataContent();
        if (withToken)
        {
            form.Add(new StringContent(await TokenAsync(client, "/evidence/upload")), "__RequestVerificationToken");
        }

        form.Add(new StringContent(name ?? ""), "name");
        form.Add(new StringContent(issuedOn ?? ""), "issuedOn");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(browserType ?? "application/octet-stream");
        if (fileName.Length == 0)
        {
            // What a browser sends when no file was chosen
            file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = "\"\"" };
            form.Add(file);
        }
        else
        {
            form.Add(file, "file", fileName);
        }
        return await client.PostAsync("/evidence/upload", form);
    }

    /// <summary>The piece a successful upload redirected to.</summary>
    public static Guid UploadedId(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}");
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/evidence/", location, StringComparison.Ordinal);
        return Guid.Parse(location["/evidence/".Length..]);
    }

    /// <summary>Attaches a piece to this workspace's case study or item through the piece's page.</summary>
    public async Task<HttpResponseMessage> AttachAsync(HttpClient client, Guid piece, string? caseStudy, string? item) =>
        await PostAsync(client, $"/evidence/{piece}", $"/evidence/{piece}?handler=Attach",
        [
            new("Attach.CaseStudy", caseStudy is null ? "" : $"{ApplicationId:N}/{caseStudy}"),
            new("Attach.Item", item is null ? "" : $"{ApplicationId:N}/{item}"),
        ]);

    /// <summary>A stored piece, read behind the filters.</summary>
    public Task<EvidenceRecord?> PieceAsync(Guid id) => ReadAsync(db => db.Evidence.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
