using Attest.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Infrastructure;

/// <summary>Until the first administrator exists, every page leads to the setup page (no default password anywhere).</summary>
public sealed class FirstRunMiddleware(RequestDelegate next)
{
    private volatile bool configured;

    public async Task InvokeAsync(HttpContext context, AttestDbContext db)
    {
        if (!configured)
        {
            configured = await db.Users.AnyAsync(u => u.Role == UserRole.Administrator, context.RequestAborted);
            var path = context.Request.Path;
            if (!configured && !path.StartsWithSegments("/setup", StringComparison.OrdinalIgnoreCase) && !path.StartsWithSegments("/health", StringComparison.Ordinal)
                && !path.StartsWithSegments("/css", StringComparison.Ordinal) && !path.StartsWithSegments("/js", StringComparison.Ordinal))
            {
                context.Response.Redirect("/setup");
                return;
            }
        }

        await next(context);
    }
}
