using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Tests.Support;

internal static class QueryExtensions
{
    /// <summary>Tests read behind the access filters to check what really is in the database.</summary>
    public static IQueryable<T> IgnoreQueryFiltersForTests<T>(this IQueryable<T> query)
        where T : class => query.IgnoreQueryFilters();
}
