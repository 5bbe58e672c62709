using Attest.Core.Applications;
using Attest.Core.Readiness;
using Attest.Core.Text;

namespace Attest.Core.Tests.Readiness;

internal static class Evaluate
{
    public static ReadinessReport Report(Application application, DateOnly? asOf = null) =>
        ReadinessEngine.Evaluate(application, TestData.Retail, asOf ?? TestData.AsOf);

    public static ItemVerdict Item(Application application, string id, DateOnly? asOf = null) =>
        ReadinessEngine.EvaluateItems(application, TestData.Retail, asOf ?? TestData.AsOf).Single(i => i.Item.Id == id);

    public static CaseStudyVerdict Case(this ItemVerdict verdict, string key) => verdict.CaseStudies.Single(c => c.Key == key);

    public static string En(this Message message) => message.In(Language.En);

    public static string Fr(this Message message) => message.In(Language.Fr);
}
