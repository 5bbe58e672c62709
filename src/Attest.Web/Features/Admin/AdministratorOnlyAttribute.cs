using Attest.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Attest.Web.Features.Admin;

/// <summary>
/// Administration pages exist only for administrators: everyone else gets the ordinary "not found", not a 403 that
/// would tell them the page is there.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class AdministratorOnlyAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var access = context.HttpContext.RequestServices.GetRequiredService<CurrentAccess>();
        if (access.Value.Role != UserRole.Administrator)
        {
            context.Result = new NotFoundResult();
            return;
        }

        await next();
    }
}
