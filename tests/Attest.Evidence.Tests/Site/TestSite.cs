using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Attest.Evidence.Tests.Site;

/// <summary>
/// A partner web site served by Kestrel on a loopback port: nested pages, the practice page two clicks from home, case
/// studies, a redirect loop, a 10 MB page, a slow page, a page behind robots.txt, pages with each date format, a link to
/// another host, a PDF.
/// </summary>
public sealed class TestSite : IAsyncLifetime
{
    public const int SlowSeconds = 10;
    public const int BigBytes = 10 * 1024 * 1024;

    private WebApplication? app;

    public string Root { get; private set; } = "";

    public int Requests => requests;

    /// <summary>The most requests the server was answering at once.</summary>
    public int MostAtOnce => mostAtOnce;

    /// <summary>Every User-Agent the server saw.</summary>
    public IReadOnlyCollection<string> UserAgents => userAgents.Keys.ToArray();

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> userAgents = new();
    private int requests;
    private int inFlight;
    private int mostAtOnce;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref requests);
            userAgents[context.Request.Headers.UserAgent.ToString()] = true;
            // The slow and big pages outlive the crawler's interest in them until the server notices: not counted
            if (context.Request.Path.StartsWithSegments("/slow") || context.Request.Path.StartsWithSegments("/big"))
            {
                await next(context);
                return;
            }

            var now = Interlocked.Increment(ref inFlight);
            int seen;
            while (now > (seen = mostAtOnce) && Interlocked.CompareExchange(ref mostAtOnce, now, seen) != seen)
            {
            }

            try
            {
                await next(context);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        });
        app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nDisallow: /\n\nUser-agent: AttestBot\nDisallow: /secret\n", "text/plain"));
        Page("/", """
            <html lang="en"><head><title>Acme Retail Cloud</title></head><body>
            <a href="/about">About</a> <a href="/services">Services</a> <a href="/blog/">Blog</a>
            <a href="/loop">Loop</a> <a href="/big">Big</a> <a href="/slow">Slow</a> <a href="/secret/plans">Secret</a>
            <a href="/files/brochure.pdf">Brochure</a> <a href="http://other.example/partner">Partner site</a>
            <a href="/moved">Moved</a> <a href="/away">Away</a> <a href="/chain/1">Chain</a> <a href="/missing">Missing</a> <a href="mailto:sales@acme.example">Mail</a>
            </body></html>
            """);
        Page("/about", "<html lang='en'><title>About</title><a href='/about/team'>Team</a><a href='/'>Home</a></html>");
        Page("/about/team", "<html lang='en'><title>Team</title><a href='/about/team/alice'>Alice</a></html>");
        Page("/about/team/alice", "<html lang='en'><title>Alice</title><a href='/about/team/alice/cv'>CV</a></html>");
        Page("/about/team/alice/cv", "<html lang='en'><title>CV</title><a href='/about/team/alice/cv/old'>Old CV</a></html>");
        Page("/about/team/alice/cv/old", "<html lang='en'><title>Old CV</title><time datetime='2026-08-01'>1 August</time></html>");
        Page("/press/unlinked", "<html lang='fr'><title>Communiqué</title><meta name='article:published_time' content='2026-09-09'></html>");
        Page("/services", "<html lang='en'><title>Services</title><a href='/services/retail'>Retail on AWS</a></html>");
        Page("/services/retail", """
            <html lang="en"><title>Retail practice</title>
            <a href="/cases/contoso">Contoso case study</a>
            <a href="https://aws.example/partners/acme/fabrikam">Fabrikam on the AWS site</a>
            </html>
            """);
        Page("/cases/contoso", "<html lang='en'><title>Contoso</title><meta property='article:published_time' content='2026-06-15T08:00:00Z'></html>");
        Page("/cases/hidden", "<html lang='en'><title>Not linked</title></html>");
        Page("/blog/", "<html lang='fr'><title>Blog</title><a href='/blog/json-ld'>1</a><a href='/blog/graph'>2</a><a href='/blog/meta'>3</a><a href='/blog/time'>4</a></html>");
        Page("/blog/json-ld", """<html lang="en"><title>Unified commerce</title><script type="application/ld+json">{"@type":"BlogPosting","datePublished":"2026-03-01T09:00:00+01:00"}</script></html>""");
        Page("/blog/graph", """<html lang="en"><title>Stores</title><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"Article","datePublished":"2025-09-10"}]}</script></html>""");
        Page("/blog/meta", """<html><head><title>Meta</title><meta property="article:published_time" content="2026-07-20T10:00:00+02:00"></head></html>""", "de");
        Page("/blog/time", """<html lang="fr"><title>Atelier</title><article><time datetime="2026-10-05">5 octobre</time></article></html>""");
        Page("/secret/plans", "<html><title>Secret</title></html>");
        app.MapGet("/loop", () => Results.Redirect("/loop-back"));
        app.MapGet("/loop-back", () => Results.Redirect("/loop"));
        app.MapGet("/moved", () => Results.Redirect("/about", permanent: true));
        app.MapGet("/away", () => Results.Redirect("http://other.example/landing"));
        app.MapGet("/chain/{step:int}", (int step) => Results.Redirect($"/chain/{step + 1}"));
        app.MapGet("/files/brochure.pdf", () => Results.Bytes(Encoding.ASCII.GetBytes("%PDF-1.4 not really"), "application/pdf"));
        app.MapGet("/missing", () => Results.NotFound());
        app.MapGet("/big", async (HttpContext context) =>
        {
            // No Content-Length: the crawler must stop reading by itself
            context.Response.ContentType = "text/html";
            var chunk = Encoding.ASCII.GetBytes("<p>" + new string('x', 1020) + "</p>\n");
            for (var sent = 0; sent < BigBytes && !context.RequestAborted.IsCancellationRequested; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        });
        app.MapGet("/slow", async (HttpContext context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(SlowSeconds), context.RequestAborted);
            return Results.Content("<html><title>Slow</title></html>", "text/html");
        });
        await app.StartAsync();
        Root = app.Urls.Single().TrimEnd('/');
    }

    public string Url(string path) => Root + path;

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private void Page(string path, string html, string? contentLanguage = null) => app!.MapGet(path, (HttpContext context) =>
    {
        if (contentLanguage is not null)
        {
            context.Response.Headers.ContentLanguage = contentLanguage;
        }

        return Results.Content(html, "text/html; charset=utf-8");
    });
}
