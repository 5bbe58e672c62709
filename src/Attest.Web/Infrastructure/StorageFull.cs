using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Attest.Web.Infrastructure;

/// <summary>
/// A full disk is the server's problem, and is said so: any request that fails because a file or the database could not
/// be written for lack of space answers 507 Insufficient Storage — problem details for the API, a page for people —
/// instead of blaming the client (400) or failing with a bare 500.
/// </summary>
public sealed partial class StorageFull(RequestDelegate next, ILogger<StorageFull> logger)
{
    private const int LinuxNoSpace = 28;
    private const int LinuxQuota = 122;
    private const int WindowsDiskFull = 0x70;
    private const int WindowsHandleDiskFull = 0x27;
    private const int SqliteFull = 13;

    /// <summary>Whether <paramref name="exception"/> (or one it wraps) says the disk, or the database's disk, is full.</summary>
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite when sqlite.SqliteErrorCode == SqliteFull:
                case PostgresException postgres when postgres.SqlState is PostgresErrorCodes.DiskFull or PostgresErrorCodes.InsufficientResources:
                    return true;
                case IOException io when io.HResult is LinuxNoSpace or LinuxQuota || (io.HResult & 0xFFFF) is WindowsDiskFull or WindowsHandleDiskFull && (io.HResult & unchecked((int)0xFFFF0000)) == unchecked((int)0x80070000):
                    return true;
            }
        }

        return false;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (Is(e) && !context.Response.HasStarted)
        {
            LogFull(logger, context.Request.Path.Value ?? "", e.Message);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status507InsufficientStorage;
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            {
                await context.Response.WriteAsJsonAsync(
                    new ProblemDetails
                    {
                        Status = StatusCodes.Status507InsufficientStorage,
                        Title = "Insufficient storage",
                        Detail = "The server has no room left to store this; nothing was stored. This is the server's problem, not your request's: try again later, or tell the administrator.",
                    },
                    options: null,
                    contentType: "application/problem+json",
                    context.RequestAborted);
            }

            // Pages: the status code pages show the error page for 507
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "No room left on the server's storage; {Path} answered 507: {Reason}")]
    private static partial void LogFull(ILogger logger, string path, string reason);
}
