using System.Net;
using System.Text.RegularExpressions;
using Attest.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Tests.Support;

/// <summary>Two partners, one user per role, and an application of the first partner with one case study.</summary>
public sealed partial class World : IAsyncLifetime
{
    public const string Password = "Correct-Horse-42-battery";

    public World()
        : this(kestrel: false)
    {
    }

    /// <summary>
    /// With <paramref name="kestrel"/>, the application listens on a real loopback port (for a browser); <paramref name="settings"/>
    /// are extra configuration; <paramref name="now"/> replaces the application's fixed time.
    /// </summary>
    internal World(bool kestrel, IReadOnlyDictionary<string, string>? settings = null, DateTimeOffset? now = null)
    {
        Factory = now is { } at ? new AttestFactory { Now = at } : new AttestFactory();
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            Factory.Settings[key] = value;
        }

        if (kestrel)
        {
            Factory.UseKestrel(0);
            Factory.StartServer();
        }
    }

    public AttestFactory Factory { get; }

    private string? kestrelAddress;

    /// <summary>Where the real server listens, once a browser fixture has found it; <see cref="Client"/> then goes there.</summary>
    internal void UseAddress(string address) => kestrelAddress = address;

    public Guid PartnerA { get; } = Guid.NewGuid();

    public Guid PartnerB { get; } = Guid.NewGuid();

    public Guid ApplicationA { get; } = Guid.NewGuid();

    public Guid ApplicationB { get; } = Guid.NewGuid();

    public Dictionary<string, string> Users { get; } = [];

    public async Task InitializeAsync()
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AttestUser>>();
        db.Partners.AddRange(new Partner { Id = PartnerA, Name = "Acme Retail Cloud" }, new Partner { Id = PartnerB, Name = "Beta Consulting" });
        await db.SaveChangesAsync();
        foreach (var (name, role, partner) in new (string, UserRole, Guid?)[]
        {
            ("admin", UserRole.Administrator, null), ("leadA", UserRole.AllianceLead, PartnerA), ("contributorA", UserRole.Contributor, PartnerA),
            ("leadB", UserRole.AllianceLead, PartnerB), ("manager", UserRole.PartnerManager, null), ("office", UserRole.ProgramOffice, null), ("auditor", UserRole.Auditor, null),
        })
        {
            var user = new AttestUser { UserName = $"{name}@example.test", Email = $"{name}@example.test", EmailConfirmed = true, DisplayName = name, Role = role, PartnerId = partner };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            Users[name] = user.Id;
        }

        db.PartnerAssignments.Add(new PartnerAssignment { PartnerId = PartnerA, UserId = Users["manager"] });
        foreach (var (id, partner) in new[] { (ApplicationA, PartnerA), (ApplicationB, PartnerB) })
        {
            db.Applications.Add(new ApplicationRecord
            {
                Id = id,
                PartnerId = partner,
                ChecklistId = "aws-retail-consulting-2019-12",
                Revision = 1,
                PartnerName = partner == PartnerA ? "Acme Retail Cloud" : "Beta Consulting",
                CaseStudies = [new CaseStudyRecord { Id = Guid.NewGuid(), ApplicationId = id, PartnerId = partner, Key = "contoso", Customer = "Contoso Stores", Revision = 1 }],
            });
        }

        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>A further partner, without any application, and its alliance lead (<paramref name="lead"/> in <see cref="Users"/>).</summary>
    public async Task<Guid> AddPartnerAsync(string name, string lead)
    {
        var partner = new Partner { Id = Guid.NewGuid(), Name = name };
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            db.Partners.Add(partner);
            await db.SaveChangesAsync();
        }

        await AddUserAsync(lead, UserRole.AllianceLead, partner.Id);
        return partner.Id;
    }

    /// <summary>A further user <paramref name="name"/> (<c>name@example.test</c>, the world's password), added to <see cref="Users"/>.</summary>
    public async Task<string> AddUserAsync(string name, UserRole role, Guid? partner)
    {
        using var scope = Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AttestUser>>();
        var user = new AttestUser { UserName = $"{name}@example.test", Email = $"{name}@example.test", EmailConfirmed = true, DisplayName = name, Role = role, PartnerId = partner };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Users[name] = user.Id;
        return user.Id;
    }

    /// <summary>A client signed in as <paramref name="user"/> (a key of <see cref="Users"/>), or anonymous for null; redirects are not followed.</summary>
    public HttpClient Client(string? user)
    {
        // On Kestrel (a browser's world) the client goes to the real port; otherwise through the in-memory server
        var client = kestrelAddress is { } address
            ? new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(address) }
            : Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        if (user is not null)
        {
            client.DefaultRequestHeaders.Add(AttestFactory.UserHeader, Users[user]);
        }

        return client;
    }

    /// <summary>Posts a form the way a browser does: first reads the antiforgery token from <paramref name="pageWithForm"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageWithForm, string target, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetAsync(pageWithForm);
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenField().Match(html);
        var all = fields.ToList();
        if (token.Success)
        {
            all.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        }

        return await client.PostAsync(target, new FormUrlEncodedContent(all));
    }

    /// <summary>Reads the database as nobody in particular (filters off), for assertions.</summary>
    public async Task<T> ReadAsync<T>(Func<AttestDbContext, Task<T>> query)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        return await query(db);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
