using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Attest.Core.Applications;
using Attest.Web.Data;
using Attest.Web.Features.Applications;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Attest.Benchmarks;

/// <summary>What the load run needs to sign in: one password for the load users, and per user its application and API token.</summary>
public sealed record LoadCredentials(string Password, IReadOnlyList<LoadUser> Users);

/// <summary>One load user: e-mail (user name), own application, personal API token.</summary>
public sealed record LoadUser(string Email, Guid ApplicationId, string Token);

/// <summary>
/// <c>seed-web --provider sqlite|postgres --connection CS [--credentials FILE] [--partners N] [--load-users N]</c>: applies
/// the migrations, then inserts N partners (1,000 by default), one alliance lead each, one application of
/// <c>aws-retail-consulting-2019-12</c> each with a varied profile, five case studies and the self-assessment of every
/// item; one administrator (so that the first-run setup does not stand in the way); and one API token for each of the
/// first load users (32). A database that already has the N partners is reused: only the load users' password and
/// tokens are issued anew. The password (random, the same for every seeded user: one hash computed once) and the
/// tokens go to the credentials file (mode 600), never to the repository.
/// </summary>
public static class WebSeed
{
    public const string ChecklistId = "aws-retail-consulting-2019-12";
    public const string TokenName = "load test";
    /// <summary>The credentials file's format (web defaults, indented).</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private const int BatchRows = 200;
    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private static readonly string[] ItemIds =
    [
        "PRE-1.1", "PRE-1.2", "PRE-2.1", "PRE-2.2", "PRE-2.3", "PRE-2.4", "PRE-3.1", "PRE-3.2", "PRE-4.1", "VAL-1.1", "VAL-1.2",
        "VAL-2.1", "VAL-2.2", "VAL-2.3", "VAL-2.4", "VAL-2.5", "VAL-2.6", "VAL-2.7", "VAL-2.8", "VAL-2.9", "VAL-2.10", "VAL-2.11",
        "VAL-2.12", "VAL-2.13",
    ];

    private static readonly string[] NameFirst = ["Acme", "Blue Harbor", "Northwind", "Contoso", "Fabrikam", "Tailspin", "Woodgrove", "Litware", "Proseware", "Adatum", "Lucerne", "Wingtip", "Coho", "Alpine", "Fourth Coffee", "Margie's"];
    private static readonly string[] NameSecond = ["Retail Cloud", "Commerce Partners", "Digital", "Consulting", "Data Works", "Store Systems", "Cloud Services", "Analytics"];
    private static readonly string[] Customers = ["Contoso Stores", "Fabrikam Fashion", "Northwind Grocers", "Tailspin Outdoor", "Woodgrove Home", "Wide World Importers", "Lamna Pharmacy", "Relecloud Books", "VanArsdel Shoes", "Trey Market", "Humongous Toys", "Graphic Design Institute Shop"];
    private static readonly string[][] Services =
    [
        ["Amazon Kinesis Data Streams", "AWS Lambda", "Amazon S3", "Amazon SageMaker"],
        ["Amazon Personalize", "Amazon DynamoDB", "Amazon API Gateway"],
        ["AWS Lambda", "Amazon DynamoDB", "Amazon Cognito"],
        ["Amazon SageMaker", "AWS Glue", "Amazon Athena", "Amazon S3"],
        ["Amazon Redshift", "AWS Glue"],
        ["Amazon ECS", "Amazon Aurora", "Amazon CloudFront", "AWS WAF"],
    ];

    private static readonly (string Problem, string Solution, string Results)[] Stories =
    [
        ("Stock-outs in 240 stores because replenishment ran on weekly batch files.", "Event-driven replenishment from point-of-sale streams with daily demand forecasts.", "Stock-outs down 31 % in six months."),
        ("Loyalty offers reached customers days after their visit.", "Real-time personalisation of offers in the mobile app.", "Offer redemption up 18 %."),
        ("Checkout queues at peak hours.", "Scan-and-go checkout backed by a serverless basket service.", "Average queue time down from 7 to 2 minutes."),
        ("Markdown decisions were made by hand, too late in the season.", "Price-elasticity models and a markdown recommendation service.", "Sell-through up 6 points with 4 % less margin erosion."),
        ("Assortment planning in spreadsheets.", "A planning data mart on Amazon Redshift.", "Planning cycle shortened from six weeks to two."),
        ("The storefront slowed down at every promotion.", "A containerised storefront behind a CDN with an auto-scaled order service.", "No slowdown during the last three promotions; conversion up 4 %."),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var provider = Option(args, "--provider") ?? "sqlite";
        var connection = Option(args, "--connection") ?? throw new ArgumentException("--connection is required");
        var credentialsPath = Path.GetFullPath(Option(args, "--credentials") ?? Path.Combine(Path.GetTempPath(), "attest-web-load.json"));
        var partners = int.Parse(Option(args, "--partners") ?? "1000", CultureInfo.InvariantCulture);
        var loadUsers = Math.Min(partners, int.Parse(Option(args, "--load-users") ?? "32", CultureInfo.InvariantCulture));
        const int CaseStudiesPerApplication = 5;

        await using var db = CreateContext(provider, connection);
        var clock = Stopwatch.StartNew();
        await db.Database.MigrateAsync();
        Console.Error.WriteLine($"seed-web: migrations applied ({provider}) in {clock.ElapsedMilliseconds} ms");

        // Nobody is signed in here, so the isolation filters would hide every row: this tool looks behind them
        var existing = await db.Partners.IgnoreQueryFilters().CountAsync();
        var password = NewPassword();
        var hash = new PasswordHasher<AttestUser>().HashPassword(new AttestUser(), password);
        var now = DateTimeOffset.UtcNow;
        if (existing == 0)
        {
            clock.Restart();
            var rows = await SeedAsync(db, partners, CaseStudiesPerApplication, hash, now);
            Console.Error.WriteLine($"seed-web: {partners:N0} partners, {partners * CaseStudiesPerApplication:N0} case studies, {rows:N0} rows inserted in {clock.Elapsed.TotalSeconds:F1} s");
        }
        else if (existing == partners)
        {
            Console.Error.WriteLine($"seed-web: the database already has {existing:N0} partners; reused (new password and tokens for the {loadUsers} load users)");
        }
        else
        {
            Console.Error.WriteLine($"seed-web: the database has {existing:N0} partners, neither 0 nor {partners:N0}: use an empty database");
            return 1;
        }

        var credentials = await IssueCredentialsAsync(db, loadUsers, password, hash, now);
        await File.WriteAllTextAsync(credentialsPath, "");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(credentialsPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        await File.WriteAllTextAsync(credentialsPath, JsonSerializer.Serialize(credentials, Json));
        Console.Error.WriteLine($"seed-web: credentials of {credentials.Users.Count} load users written to {credentialsPath}");
        return 0;
    }

    internal static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static AttestDbContext CreateContext(string provider, string connection) => provider switch
    {
        "sqlite" => new SqliteAttestDbContext(new DbContextOptionsBuilder<SqliteAttestDbContext>().UseSqlite(connection).Options),
        "postgres" => new PostgresAttestDbContext(new DbContextOptionsBuilder<PostgresAttestDbContext>().UseNpgsql(connection).Options),
        _ => throw new ArgumentException($"--provider: sqlite or postgres, not '{provider}'"),
    };

    private static string NewPassword()
    {
        while (true)
        {
            var password = RandomNumberGenerator.GetString(PasswordAlphabet, 24);
            if (password.Any(char.IsDigit) && password.Any(char.IsLower) && password.Any(char.IsUpper))
            {
                return password;
            }
        }
    }

    internal static string LeadEmail(int index) => $"lead{index:D4}@partner{index:D4}.example";

    private static async Task<int> SeedAsync(AttestDbContext db, int partners, int caseStudies, string hash, DateTimeOffset now)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var random = new Random(20261126);
        var rows = 0;
        var pending = 0;

        db.Users.Add(NewUser("admin@attest-load.example", "Load Administrator", UserRole.Administrator, null, hash, now));
        pending++;
        for (var i = 1; i <= partners; i++)
        {
            var partner = new Partner { Id = Guid.NewGuid(), Name = $"{NameFirst[i % NameFirst.Length]} {NameSecond[i / NameFirst.Length % NameSecond.Length]} {i:D4}", CreatedAt = now };
            db.Partners.Add(partner);
            var lead = NewUser(LeadEmail(i), $"Alliance Lead {i:D4}", UserRole.AllianceLead, partner.Id, hash, now);
            db.Users.Add(lead);

            var record = new ApplicationRecord { Id = Guid.NewGuid(), PartnerId = partner.Id, ChecklistId = ChecklistId, Status = ApplicationStatus.Draft, CreatedAt = now, UpdatedAt = now };
            ApplicationMapping.Replace(db, record, NewApplication(random, partner.Name, i, caseStudies, today));
            foreach (var caseStudy in record.CaseStudies)
            {
                caseStudy.UpdatedAt = now;
                caseStudy.UpdatedBy = lead.Id;
            }

            db.Applications.Add(record);
            pending += 3 + record.CaseStudies.Count + record.Content.Count + record.SelfAssessment.Count;

            // A partner's rows go in one batch; a batch closes once it holds about BatchRows rows
            if (pending >= BatchRows || i == partners)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
                rows += pending;
                pending = 0;
            }
        }

        return rows;
    }

    private static AttestUser NewUser(string email, string name, UserRole role, Guid? partnerId, string hash, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid().ToString(),
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true,
        PasswordHash = hash,
        SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
        ConcurrencyStamp = Guid.NewGuid().ToString(),
        LockoutEnabled = true,
        DisplayName = name,
        Role = role,
        PartnerId = partnerId,
        CreatedAt = now,
    };

    /// <summary>
    /// A varied application: tiers, content, practice page present or not; five case studies completed across the last 24
    /// months, about one in six a pilot, some with DR plans, some with cardholder data and PCI testing, availability objectives
    /// for most; every item self-assessed, a few not met or without an answer.
    /// </summary>
    private static Application NewApplication(Random random, string partnerName, int index, int caseStudies, DateOnly today)
    {
        var domain = $"partner{index:D4}.example";
        var content = Enumerable.Range(0, random.Next(1, 5)).Select(n => new ContentItem
        {
            Title = $"Retail insight {n + 1} from {partnerName}",
            Url = $"https://www.{domain}/insights/{n + 1}",
            Kind = (ContentKind)random.Next(0, 6),
            Published = random.Next(0, 5) == 0 ? null : today.AddDays(-random.Next(10, 700)),
        }).ToArray();
        var studies = new CaseStudy[caseStudies];
        for (var n = 0; n < caseStudies; n++)
        {
            var story = Stories[random.Next(Stories.Length)];
            var pci = random.Next(0, 10) < 3;
            var dr = random.Next(0, 10) < 4;
            studies[n] = new CaseStudy
            {
                Key = $"cs-{n + 1}",
                Customer = $"{Customers[random.Next(Customers.Length)]} {index:D4}-{n + 1}",
                CustomerWebsite = $"https://customer{n + 1}.{domain}",
                Stage = random.Next(0, 6) == 0 ? ProjectStage.Pilot : ProjectStage.Production,
                UseCase = (RetailUseCase)random.Next(0, 7),
                Delivery = random.Next(0, 8) == 0 ? DeliveryCategory.Msp : DeliveryCategory.Project,
                Completed = today.AddDays(-random.Next(5, 730)),
                Problem = story.Problem,
                Solution = story.Solution,
                AwsServices = Services[random.Next(Services.Length)],
                RetailExpertise = "Our merchandising consultants tuned the design to the customer's store clusters and seasons.",
                ThirdParty = random.Next(0, 2) == 0 ? [] : ["Blue Yonder"],
                Results = story.Results,
                Compliance = pci ? ["PCI-DSS"] : random.Next(0, 2) == 0 ? ["GDPR"] : [],
                PublicReference = random.Next(0, 3) == 0 ? null : new PublicReference { Url = $"https://www.{domain}/customers/{n + 1}", LinkedFromWebsite = random.Next(0, 5) != 0 },
                Ecommerce = pci || random.Next(0, 2) == 0,
                CardholderData = pci,
                Availability = random.Next(0, 5) == 0
                    ? null
                    : Enumerable.Range(0, random.Next(1, 4)).Select(c => new AvailabilityObjective { Component = $"component {c + 1}", RtoMinutes = random.Next(5, 240), RpoMinutes = random.Next(0, 120) }).ToArray(),
                DisasterRecovery = dr ? new DisasterRecoveryPlan { RtoMinutes = random.Next(60, 480), RpoMinutes = random.Next(15, 240), TestedOn = today.AddDays(-random.Next(10, 500)), RunbookDelivered = random.Next(0, 4) != 0 } : null,
                Pci = pci ? new PciTesting { LastVulnerabilityScan = today.AddDays(-random.Next(5, 200)), LastPenetrationTest = today.AddDays(-random.Next(20, 450)) } : null,
                Evidence = random.Next(0, 2) == 0 ? [$"iac/cs-{n + 1}/"] : null,
            };
        }

        var answers = new Dictionary<string, SelfAssessmentEntry>(StringComparer.Ordinal);
        foreach (var item in ItemIds)
        {
            var roll = random.Next(0, 20);
            if (roll == 0)
            {
                continue;
            }

            answers[item] = new SelfAssessmentEntry
            {
                Met = roll == 1 ? false : roll == 2 ? null : true,
                Note = $"{item}: answered by the alliance lead after review with the delivery team.",
                Evidence = random.Next(0, 3) == 0 ? [$"docs/{item.ToLowerInvariant()}.pdf"] : null,
            };
        }

        var practicePage = random.Next(0, 6) != 0;
        return new Application
        {
            Checklist = ChecklistId,
            Partner = new PartnerProfile
            {
                Name = partnerName,
                Tier = (PartnerTier)random.Next(1, 4),
                MspProgramMember = random.Next(0, 4) == 0,
                GuidelinesRead = random.Next(0, 10) != 0,
                Homepage = $"https://www.{domain}/",
                PracticePage = practicePage ? new PracticePage { Url = $"https://www.{domain}/retail", LinkedFromHomepage = random.Next(0, 5) != 0 } : null,
                DedicatedRetailConsultancy = random.Next(0, 5) == 0,
                Content = content,
            },
            CaseStudies = studies,
            SelfAssessment = answers,
        };
    }

    /// <summary>The load users (the first <paramref name="count"/> alliance leads) get the new password and a fresh token each.</summary>
    private static async Task<LoadCredentials> IssueCredentialsAsync(AttestDbContext db, int count, string password, string hash, DateTimeOffset now)
    {
        db.ChangeTracker.Clear();
        var emails = Enumerable.Range(1, count).Select(i => LeadEmail(i).ToUpperInvariant()).ToList();
        var users = await db.Users.Where(u => emails.Contains(u.NormalizedUserName!)).Select(u => new { u.Id, u.Email, u.PartnerId }).ToListAsync();
        if (users.Count != count)
        {
            throw new InvalidOperationException($"expected {count} load users in the database, found {users.Count}");
        }

        var ids = users.Select(u => u.Id).ToList();
        var partnerIds = users.Select(u => u.PartnerId!.Value).ToList();
        var applications = await db.Applications.IgnoreQueryFilters()
            .Where(a => partnerIds.Contains(a.PartnerId) && a.ChecklistId == ChecklistId)
            .ToDictionaryAsync(a => a.PartnerId, a => a.Id);
        await db.Users.Where(u => ids.Contains(u.Id)).ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, hash).SetProperty(u => u.AccessFailedCount, 0).SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null));
        await db.ApiTokens.Where(t => ids.Contains(t.UserId) && t.Name == TokenName).ExecuteDeleteAsync();

        var issued = new List<LoadUser>();
        foreach (var user in users.OrderBy(u => u.Email, StringComparer.Ordinal))
        {
            var token = ApiTokenSecret.Create();
            db.ApiTokens.Add(new ApiToken { Id = Guid.NewGuid(), UserId = user.Id, Name = TokenName, Prefix = ApiTokenSecret.Prefix(token), Hash = ApiTokenSecret.Hash(token), CreatedAt = now });
            issued.Add(new LoadUser(user.Email!, applications[user.PartnerId!.Value], token));
        }

        await db.SaveChangesAsync();
        return new LoadCredentials(password, issued);
    }
}
