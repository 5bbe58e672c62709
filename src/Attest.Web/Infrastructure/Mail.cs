using System.Text.Json;
using Attest.Web.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Identity;
using MimeKit;

namespace Attest.Web.Infrastructure;

/// <summary>The SMTP server Attest sends through (section <c>Attest:Smtp</c>); the password comes from the environment or a secret store, never the repository.</summary>
public sealed class SmtpSettings
{
    /// <summary>The server; e-mail is off while it is empty.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>TLS from the first byte (SMTPS, usually port 465).</summary>
    public bool UseTls { get; set; }

    /// <summary>Upgrade with STARTTLS and refuse a server that does not offer it (the default; ignored with <see cref="UseTls"/>).</summary>
    public bool StartTls { get; set; } = true;

    /// <summary>Authenticates when set.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, such as <c>Attest &lt;attest@example.com&gt;</c>.</summary>
    public string? From { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    /// <summary>How the connection is secured.</summary>
    public SecureSocketOptions Security => UseTls ? SecureSocketOptions.SslOnConnect : StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
}

/// <summary>One plain-text e-mail to one person, with optional attachments.</summary>
public sealed record OutgoingMail(string To, string Subject, string Body, IReadOnlyList<MailAttachment>? Attachments = null);

/// <summary>A file attached to an e-mail (such as an audit's <c>.ics</c> invitation).</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>Sends e-mail. Registered only when SMTP is configured: a feature that needs e-mail asks for it optionally and hides itself without it.</summary>
public interface IMailSender
{
    /// <summary>Delivers <paramref name="mail"/> to the server; throws when the server refuses it or cannot be reached.</summary>
    Task SendAsync(OutgoingMail mail, CancellationToken cancel);
}

/// <summary>Sends through the configured SMTP server with MailKit: one connection per e-mail, TLS as configured.</summary>
public sealed partial class SmtpMailSender(AttestOptions options, ILogger<SmtpMailSender> logger) : IMailSender
{
    private readonly SmtpSettings smtp = options.Smtp;

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancel)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From!));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        if (mail.Attachments is not { Count: > 0 } attachments)
        {
            message.Body = new TextPart("plain") { Text = mail.Body };
        }
        else
        {
            var body = new BodyBuilder { TextBody = mail.Body };
            foreach (var attachment in attachments)
            {
                body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
            }

            message.Body = body.ToMessageBody();
        }

        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security, cancel);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancel);
        }

        await client.SendAsync(message, cancel);
        await client.DisconnectAsync(quit: true, cancel);
        LogSent(logger, mail.To);
    }

    /// <summary>Whether <paramref name="e"/> is a failure to deliver (server down or refusing, TLS, authentication), as opposed to a bug.</summary>
    public static bool IsDeliveryFailure(Exception e) =>
        e is MailKit.ProtocolException or MailKit.CommandException or System.Net.Sockets.SocketException or IOException or TimeoutException
            or MailKit.Security.AuthenticationException or System.Security.Authentication.AuthenticationException or SslHandshakeException
            or NotSupportedException or ParseException;

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail sent to {To}")]
    private static partial void LogSent(ILogger logger, string to);
}

/// <summary>
/// E-mail goes through the durable jobs table: sending is queueing a <c>mail</c> job with the whole message, which the
/// job runner of some instance delivers (retried with backoff, shown to the administrator if it keeps failing). A
/// message queued with a business change (<see cref="Add"/>) is committed with it; <see cref="PostAsync"/> queues one on
/// its own. Registered only when SMTP is configured.
/// </summary>
public sealed class MailOutbox(JobQueue jobs, IServiceScopeFactory scopes)
{
    /// <summary>The job kind of an e-mail.</summary>
    public const string Kind = "mail";

    /// <summary>Adds <paramref name="mail"/> to <paramref name="db"/>, written by the caller's next save; call <see cref="Wake"/> after the commit.</summary>
    public void Add(AttestDbContext db, OutgoingMail mail) => jobs.Add(db, Kind, mail);

    /// <summary>Queues <paramref name="mail"/> now, in a transaction of its own.</summary>
    public async Task PostAsync(OutgoingMail mail, CancellationToken cancel)
    {
        using var scope = scopes.CreateScope();
        await jobs.EnqueueAsync(scope.ServiceProvider.GetRequiredService<AttestDbContext>(), Kind, mail, cancel);
    }

    /// <summary>Wakes the job runner for e-mails just committed.</summary>
    public void Wake() => jobs.Wake();
}

/// <summary>Delivers the e-mail of a <c>mail</c> job; a failure to deliver fails the attempt, to be retried.</summary>
public sealed class MailJob(IMailSender sender) : IJobHandler
{
    public string Kind => MailOutbox.Kind;

    public async Task RunAsync(JobRecord job, IServiceProvider services, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(job);
        OutgoingMail? mail;
        try
        {
            mail = JsonSerializer.Deserialize<OutgoingMail>(job.Payload, JobQueue.Json);
        }
        catch (JsonException e)
        {
            throw new JobGiveUpException($"the e-mail cannot be read: {e.Message}");
        }

        if (mail is null || string.IsNullOrWhiteSpace(mail.To))
        {
            throw new JobGiveUpException("the e-mail has no recipient");
        }

        try
        {
            await sender.SendAsync(mail, cancel);
        }
        catch (ParseException e)
        {
            throw new JobGiveUpException($"the e-mail cannot be sent: {e.Message}");
        }
    }
}

/// <summary>Registers e-mail when <c>Attest:Smtp:Host</c> is set, after checking the settings it needs.</summary>
public static class MailRegistration
{
    /// <summary>How long a password-reset link works.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(3);

    public static IServiceCollection AddMail(this IServiceCollection services, AttestOptions options)
    {
        services.Configure<DataProtectionTokenProviderOptions>(tokens => tokens.TokenLifespan = LinkLifetime);
        var smtp = options.Smtp;
        if (!smtp.Enabled)
        {
            return services;
        }

        if (string.IsNullOrWhiteSpace(smtp.From) || !MailboxAddress.TryParse(smtp.From, out _))
        {
            throw new InvalidOperationException("Attest:Smtp:From must be a sender address (such as \"Attest <attest@example.com>\") when Attest:Smtp:Host is set");
        }

        if (!Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException("Attest:PublicUrl (such as https://attest.example.com) is required when Attest:Smtp:Host is set: links in e-mails never use the request's Host header");
        }

        services.AddSingleton<IMailSender, SmtpMailSender>();
        services.AddSingleton<MailOutbox>();
        services.AddJobHandler<MailJob>();
        return services;
    }

    /// <summary>An absolute link to <paramref name="pathAndQuery"/> on <c>Attest:PublicUrl</c>.</summary>
    public static string PublicLink(this AttestOptions options, string pathAndQuery) => options.PublicUrl!.TrimEnd('/') + pathAndQuery;
}
