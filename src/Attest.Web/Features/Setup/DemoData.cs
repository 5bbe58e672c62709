using System.Security.Cryptography;
using Attest.Core.Applications;
using Attest.Web.Data;
using Attest.Web.Features.Applications;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Setup;

/// <summary>
/// With <c>Attest:DemoData</c> on and no partner in the database yet: a partner, its alliance lead, a contributor, an
/// assigned partner manager and a half-finished application, to try Attest. The users get random passwords, written
/// once to the log; no administrator is made (the first-run setup asks for one).
/// </summary>
public static partial class DemoData
{
    public const string PartnerName = "Acme Retail Cloud";
    public const string ChecklistId = "aws-retail-consulting-2019-12";
    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>The people made, by role: name and e-mail address.</summary>
    public static readonly IReadOnlyList<(UserRole Role, string Name, string Email)> People =
    [
        (UserRole.AllianceLead, "Alice Martin", "alice.lead@acme-retail.example"),
        (UserRole.Contributor, "Bruno Costa", "bruno.contributor@acme-retail.example"),
        (UserRole.PartnerManager, "Dana Reyes", "dana.pdm@aws-partners.example"),
    ];

    /// <summary>Loads the demo content when it is asked for and the database has no partner; does nothing otherwise.</summary>
    public static async Task SeedIfAskedAsync(IServiceProvider services, CancellationToken cancel = default)
    {
        if (!services.GetRequiredService<AttestOptions>().DemoData)
        {
            return;
        }

        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AttestUser>>();
        var catalogs = scope.ServiceProvider.GetRequiredService<Catalogs>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoData).FullName!);

        // Outside a request nobody is signed in and the filters hide every partner: this start-up step looks behind them
        if (await db.Partners.IgnoreQueryFilters().AnyAsync(cancel))
        {
            LogSkipped(log);
            return;
        }

        var now = clock.GetUtcNow();
        var partner = new Partner { Id = Guid.NewGuid(), Name = PartnerName, CreatedAt = now };
        var created = new List<(AttestUser User, string Password)>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancel))
        {
            db.Partners.Add(partner);
            await db.SaveChangesAsync(cancel);
            foreach (var (role, name, email) in People)
            {
                var user = new AttestUser
                {
                    UserName = email,
                    Email = email,
                    EmailConfirmed = true,
                    DisplayName = name,
                    Role = role,
                    PartnerId = role is UserRole.AllianceLead or UserRole.Contributor ? partner.Id : null,
                    CreatedAt = now,
                };
                var password = NewPassword();
                var result = await users.CreateAsync(user, password);
                if (!result.Succeeded)
                {
                    await transaction.RollbackAsync(cancel);
                    LogFailed(log, email, string.Join("; ", result.Errors.Select(e => e.Description)));
                    return;
                }

                created.Add((user, password));
            }

            var manager = created.Single(c => c.User.Role == UserRole.PartnerManager).User;
            db.PartnerAssignments.Add(new PartnerAssignment { PartnerId = partner.Id, UserId = manager.Id });
            if (catalogs.Find(ChecklistId) is null)
            {
                LogNoChecklist(log, ChecklistId);
            }
            else
            {
                var lead = created.Single(c => c.User.Role == UserRole.AllianceLead).User;
                db.Applications.Add(HalfFinishedApplication(db, partner.Id, lead.Id, now, scope.ServiceProvider.GetRequiredService<OfficeClock>().Day(now)));
            }

            await db.SaveChangesAsync(cancel);
            await transaction.CommitAsync(cancel);
        }

        LogLoaded(log, PartnerName);
        foreach (var (user, password) in created)
        {
            LogPassword(log, user.Role, user.Email!, password);
        }
    }

    /// <summary>A random password of 20 letters and digits meeting the sign-in rules (a digit, a lower-case and an upper-case letter).</summary>
    internal static string NewPassword()
    {
        while (true)
        {
            var password = RandomNumberGenerator.GetString(PasswordAlphabet, 20);
            if (password.Any(char.IsDigit) && password.Any(char.IsLower) && password.Any(char.IsUpper))
            {
                return password;
            }
        }
    }

    /// <summary>
    /// An application as a partner leaves it mid-way: a partial profile (no practice page), three case studies of which
    /// one is a pilot and one lacks its availability objectives, and a few self-assessment answers.
    /// </summary>
    internal static ApplicationRecord HalfFinishedApplication(AttestDbContext db, Guid partnerId, string leadId, DateTimeOffset now, DateOnly today)
    {
        var application = new Application
        {
            Checklist = ChecklistId,
            Partner = new PartnerProfile
            {
                Name = PartnerName,
                Tier = PartnerTier.Advanced,
                MspProgramMember = false,
                GuidelinesRead = true,
                Homepage = "https://www.acme-retail.example",
                DedicatedRetailConsultancy = false,
                Content =
                [
                    new ContentItem { Title = "Personalisation at the shelf edge", Url = "https://www.acme-retail.example/blog/shelf-edge", Kind = ContentKind.Blog, Published = today.AddMonths(-2) },
                ],
            },
            CaseStudies =
            [
                new CaseStudy
                {
                    Key = "northwind",
                    Customer = "Northwind Grocers",
                    CustomerWebsite = "https://www.northwind-grocers.example",
                    Stage = ProjectStage.Production,
                    UseCase = RetailUseCase.CustomerEngagement,
                    Delivery = DeliveryCategory.Project,
                    Completed = today.AddMonths(-5),
                    Problem = "Online orders doubled in a year and the storefront slowed down at every promotion.",
                    Solution = "A serverless storefront API with a recommendation service fed by purchase history.",
                    AwsServices = ["Amazon API Gateway", "AWS Lambda", "Amazon DynamoDB", "Amazon Personalize"],
                    RetailExpertise = "Promotion calendars and basket analysis shaped the caching and the recommendation model.",
                    ThirdParty = [],
                    Results = "Checkout time down by 40%; no slowdown during the last two promotions.",
                    Compliance = ["PCI-DSS"],
                    PublicReference = new PublicReference { Url = "https://www.acme-retail.example/customers/northwind", LinkedFromWebsite = true },
                    Ecommerce = true,
                    CardholderData = true,
                    Availability =
                    [
                        new AvailabilityObjective { Component = "storefront API", RtoMinutes = 15, RpoMinutes = 0 },
                        new AvailabilityObjective { Component = "orders table", RtoMinutes = 30, RpoMinutes = 5 },
                    ],
                    Pci = new PciTesting { LastVulnerabilityScan = today.AddMonths(-1), LastPenetrationTest = today.AddMonths(-2) },
                },
                new CaseStudy
                {
                    Key = "fabrikam",
                    Customer = "Fabrikam Fashion",
                    CustomerWebsite = "https://www.fabrikam-fashion.example",
                    Stage = ProjectStage.Production,
                    UseCase = RetailUseCase.SupplyChain,
                    Delivery = DeliveryCategory.Project,
                    Completed = today.AddMonths(-11),
                    Problem = "Stock-outs in stores while the warehouses held the right sizes.",
                    Solution = "A demand forecast per store and size, feeding the replenishment orders every night.",
                    AwsServices = ["Amazon S3", "AWS Glue", "Amazon SageMaker"],
                    RetailExpertise = "Size curves and seasonal collections drove the forecasting features.",
                    Results = "Stock-outs down by a quarter over one season.",
                    Compliance = ["GDPR"],
                },
                new CaseStudy
                {
                    Key = "tailspin",
                    Customer = "Tailspin Toys",
                    CustomerWebsite = "https://www.tailspin-toys.example",
                    Stage = ProjectStage.Pilot,
                    UseCase = RetailUseCase.Stores,
                    Delivery = DeliveryCategory.Project,
                    Completed = today.AddMonths(-2),
                    Problem = "Queues at the tills on Saturdays.",
                    Solution = "Scan-and-go in two pilot stores.",
                },
            ],
            SelfAssessment = new Dictionary<string, SelfAssessmentEntry>(StringComparer.Ordinal)
            {
                ["PRE-1.1"] = new() { Met = true, Note = "Read by the alliance lead and the delivery team." },
                ["PRE-1.2"] = new() { Met = true, Note = "Advanced tier." },
                ["PRE-2.1"] = new() { Met = false, Note = "Two more production case studies to write up." },
                ["VAL-1.1"] = new() { Note = "Company overview deck in progress." },
            },
        };

        var record = new ApplicationRecord { Id = Guid.NewGuid(), PartnerId = partnerId, ChecklistId = ChecklistId, Status = ApplicationStatus.Draft, CreatedAt = now, UpdatedAt = now, PartnerName = PartnerName };
        ApplicationMapping.Replace(db, record, application);
        foreach (var caseStudy in record.CaseStudies)
        {
            caseStudy.UpdatedAt = now;
            caseStudy.UpdatedBy = leadId;
        }

        return record;
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Demo data not loaded: the database already has partners")]
    private static partial void LogSkipped(ILogger log);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Error, Message = "Demo data not loaded: the user {Email} could not be created ({Reason})")]
    private static partial void LogFailed(ILogger log, string email, string reason);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "Demo data: checklist {Checklist} is not installed, so no demo application was made")]
    private static partial void LogNoChecklist(ILogger log, string checklist);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Warning, Message = "Demo data loaded: partner {Partner}, its users and a half-finished application. The passwords below are shown only now")]
    private static partial void LogLoaded(ILogger log, string partner);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Warning, Message = "Demo user ({Role}): {Email} password {Password}")]
    private static partial void LogPassword(ILogger log, UserRole role, string email, string password);
}
