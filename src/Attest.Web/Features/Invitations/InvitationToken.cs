using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Attest.Web.Data;

namespace Attest.Web.Features.Invitations;

/// <summary>The secret of an invitation link: 32 random bytes in base64url; only its SHA-256 is ever stored.</summary>
public static class InvitationToken
{
    /// <summary>How long a link stays usable.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>A fresh secret and the hash to store for it.</summary>
    public static (string Token, string Hash) Create()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (token, HashOf(token));
    }

    /// <summary>Completes a new invitation (who, when, until when, the hash) and returns the secret for its link.</summary>
    public static string Issue(Invitation invitation, string createdBy, DateTimeOffset now)
    {
        var (token, hash) = Create();
        invitation.TokenHash = hash;
        invitation.CreatedBy = createdBy;
        invitation.CreatedAt = now;
        invitation.ExpiresAt = now + Lifetime;
        return token;
    }

    /// <summary>Lower-case hex SHA-256 of the token as it appears in the link.</summary>
    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The address to send: absolute, on the host the inviter is using.</summary>
    public static string Link(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}{request.PathBase}/invitations/{token}";
}

/// <summary>A link just issued, to show once to the inviter; <paramref name="Mailed"/> says whether it was also e-mailed (null without SMTP).</summary>
public sealed record IssuedLink(string Email, string Url, DateTimeOffset ExpiresAt, bool? Mailed = null);
