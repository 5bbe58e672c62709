using Attest.Core.Text;
using Microsoft.Net.Http.Headers;

namespace Attest.Web.Infrastructure;

/// <summary>The language of the request: the user's choice (a cookie set by the switcher), else the browser's Accept-Language, else English.</summary>
public sealed class RequestLanguage
{
    public const string CookieName = "attest-lang";

    public Language Value { get; private set; } = Language.En;

    public string Code => Value.Code();

    /// <summary>Shorthand for pages: the text in the request's language.</summary>
    public string T(LocalizedString text) => text.In(Value);

    /// <summary>What follows a label: <c>:</c> in English, a no-break space and <c>:</c> in French.</summary>
    public string Colon => FrenchTypography.Colon(Value);

    internal void Decide(HttpContext context)
    {
        if (context.Request.Cookies.TryGetValue(CookieName, out var chosen) && Languages.TryParse(chosen, out var fromCookie))
        {
            Value = fromCookie;
            return;
        }

        var accepted = context.Request.GetTypedHeaders().AcceptLanguage;
        foreach (var entry in accepted.OrderByDescending(a => a.Quality ?? 1))
        {
            if (Languages.TryParse(entry.Value.Value, out var language))
            {
                Value = language;
                return;
            }
        }
    }
}

/// <summary>Decides the request language before anything renders.</summary>
public sealed class RequestLanguageMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, RequestLanguage language)
    {
        language.Decide(context);
        context.Response.Headers[HeaderNames.ContentLanguage] = language.Code;
        return next(context);
    }
}
